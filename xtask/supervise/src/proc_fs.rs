//! What a process group holds right now, read from `/proc`.

use std::fs;

#[derive(Debug, Default)]
pub struct Census {
    /// Processes and threads (each process counts its threads, itself included).
    pub tasks: usize,
    pub resident_bytes: u64,
}

/// Adds up every process whose process group is `pgid`. A process that
/// ends during the scan is simply not counted.
pub fn census(pgid: i32) -> Census {
    let page = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE)
        .ok()
        .flatten()
        .unwrap_or(4096) as u64;
    let mut census = Census::default();
    let Ok(entries) = fs::read_dir("/proc") else {
        return census;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        if let Some(fields) = parse_stat(&stat).filter(|f| f.pgrp == pgid) {
            census.tasks += fields.threads;
            census.resident_bytes += fields.resident_pages * page;
        }
    }
    census
}

#[derive(Debug, PartialEq)]
struct StatFields {
    pgrp: i32,
    threads: usize,
    resident_pages: u64,
}

/// Fields 5 (pgrp), 20 (num_threads) and 24 (rss) of `proc_pid_stat(5)`.
/// The command name, field 2, is in parentheses and may hold spaces and
/// parentheses itself, so the fields are counted from its last `)`.
fn parse_stat(stat: &str) -> Option<StatFields> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // `rest` starts at field 3.
    let field = |n: usize| fields.get(n - 3).copied();
    Some(StatFields {
        pgrp: field(5)?.parse().ok()?,
        threads: field(20)?.parse().ok()?,
        resident_pages: field(24)?.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_fields_after_a_command_name_with_spaces_and_parentheses() {
        let stat = "4242 (a (weird) name) S 1 4200 4200 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 \
                    7 0 12345 1000000 250 18446744073709551615";
        assert_eq!(
            parse_stat(stat),
            Some(StatFields {
                pgrp: 4200,
                threads: 7,
                resident_pages: 250
            })
        );
    }

    #[test]
    fn counts_this_process() {
        let me = nix::unistd::getpgrp().as_raw();
        let census = census(me);
        assert!(census.tasks >= 1 && census.resident_bytes > 0, "{census:?}");
    }
}
