use std::collections::HashMap;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::{Arc, RwLock};

use chat::protocol::refusal;
use tokio::sync::mpsc::{self, error::TrySendError};
use tokio_util::task::TaskTracker;

use crate::server::Stats;

// ANCHOR: room
/// What reaches a room, in order.
pub enum RoomCmd {
    Join {
        name: String,
        out: mpsc::Sender<Arc<str>>,
    },
    Leave(String),
    Publish(Arc<str>),
    /// Sent once no connection sends any more (the server stops).
    Close,
}

/// A handle to a room: a broker, one task that owns its members.
#[derive(Clone)]
pub struct Room {
    pub name: String,
    cmds: mpsc::Sender<RoomCmd>,
}

impl Room {
    pub async fn send(&self, cmd: RoomCmd) {
        // A room lives until the drain closes it, after the last send.
        let _ = self.cmds.send(cmd).await;
    }
}

/// Fans each message out to every member's queue without ever waiting: a
/// member whose queue is full is too slow for this room, and is dropped (its
/// sender with it, which closes its queue) so that the others are not
/// slowed down.
async fn run(mut cmds: mpsc::Receiver<RoomCmd>, stats: Arc<Stats>) {
    let mut members: HashMap<String, mpsc::Sender<Arc<str>>> = HashMap::new();
    while let Some(cmd) = cmds.recv().await {
        match cmd {
            RoomCmd::Join { name, out } => {
                members.insert(name, out);
            }
            RoomCmd::Leave(name) => {
                members.remove(&name);
            }
            RoomCmd::Publish(line) => {
                stats.sent.fetch_add(1, Relaxed);
                members.retain(|_, out| match out.try_send(line.clone()) {
                    Ok(()) => true,
                    Err(TrySendError::Full(_)) => {
                        stats.dropped.fetch_add(1, Relaxed);
                        stats.kicked.fetch_add(1, Relaxed);
                        false
                    }
                    Err(TrySendError::Closed(_)) => false, // its connection is gone
                });
            }
            RoomCmd::Close => break,
        }
    }
}
// ANCHOR_END: room

// ANCHOR: registry
/// Finds a room by name, creating it the first time. Most lookups find a
/// room that exists, so they share a read lock; only a new room takes the
/// write lock, and looks again under it, since another connection may have
/// created the room between the two locks. No `.await` happens under either.
pub struct Registry {
    rooms: RwLock<HashMap<String, Room>>,
    max: usize,
    stats: Arc<Stats>,
    tasks: TaskTracker,
}

impl Registry {
    pub fn new(max: usize, stats: Arc<Stats>) -> Registry {
        let rooms = RwLock::default();
        let tasks = TaskTracker::new();
        Registry {
            rooms,
            max,
            stats,
            tasks,
        }
    }

    pub fn get(&self, name: &str) -> Result<Room, &'static str> {
        if let Some(room) = self.rooms.read().unwrap().get(name) {
            return Ok(room.clone());
        }
        let mut rooms = self.rooms.write().unwrap();
        if let Some(room) = rooms.get(name) {
            return Ok(room.clone());
        }
        if rooms.len() >= self.max {
            return Err(refusal::TOO_MANY_ROOMS);
        }
        let (cmds, queue) = mpsc::channel(64); // channel: cmds, conn -> room
        let room = Room {
            name: name.to_owned(),
            cmds,
        };
        rooms.insert(name.to_owned(), room.clone());
        self.stats.rooms.fetch_add(1, Relaxed);
        self.tasks.spawn(run(queue, self.stats.clone())); // task: room
        Ok(room)
    }

    /// Ends every room, once no connection sends to one any more.
    pub async fn close(&self) {
        let rooms: Vec<Room> = self.rooms.read().unwrap().values().cloned().collect();
        for room in rooms {
            room.send(RoomCmd::Close).await;
        }
        self.tasks.close();
        self.tasks.wait().await;
    }
}
// ANCHOR_END: registry
