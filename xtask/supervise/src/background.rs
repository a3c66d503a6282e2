//! A program the caller talks to while it runs, such as a server under
//! test, in a process group of its own like every supervised program: its
//! stdin is closed, its stdout and stderr are pipes the caller reads, and
//! dropping it (or a Ctrl-C of this process) kills the whole group.

use std::io;
use std::process::{ChildStderr, ChildStdout, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use process_wrap::std::{ChildWrapper, CommandWrap, ProcessGroup};

use crate::{TICK, interrupt};

pub struct Background {
    child: Box<dyn ChildWrapper>,
    pid: Pid,
    status: Option<ExitStatus>,
}

impl Background {
    pub fn spawn(mut command: Command) -> io::Result<Background> {
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut wrapped = CommandWrap::from(command);
        wrapped.wrap(ProcessGroup::leader());
        let child = wrapped.spawn()?;
        let pid = Pid::from_raw(child.id() as i32);
        interrupt::watch(pid);
        Ok(Background {
            child,
            pid,
            status: None,
        })
    }

    pub fn stdout(&mut self) -> Option<ChildStdout> {
        self.child.stdout().take()
    }

    pub fn stderr(&mut self) -> Option<ChildStderr> {
        self.child.stderr().take()
    }

    /// Sends the program (not its group) SIGINT, as Ctrl-C in a terminal.
    pub fn interrupt(&self) -> io::Result<()> {
        Ok(kill(self.pid, Signal::SIGINT)?)
    }

    /// Sends the program SIGTERM, as a service manager stopping it.
    pub fn terminate(&self) -> io::Result<()> {
        Ok(kill(self.pid, Signal::SIGTERM)?)
    }

    /// Waits for the program to end by itself, at most `limit`: `None` if
    /// it did not (it is still running).
    pub fn wait_timeout(&mut self, limit: Duration) -> io::Result<Option<ExitStatus>> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.status {
                return Ok(Some(status));
            }
            if let Some(status) = self.child.try_wait()? {
                self.status = Some(status);
                continue;
            }
            if Instant::now() >= deadline {
                return Ok(None);
            }
            thread::sleep(TICK);
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        // What is left of the group goes, even if the leader has ended.
        let _ = self.child.start_kill();
        interrupt::forget(self.pid);
        let _ = self.child.wait();
    }
}
