//! What the figures were measured on, and how much memory the process used (Linux /proc).

use std::fs;

/// `machine: <cpu model>, <n> CPUs available (nproc), <total> GB RAM, Linux <release>`.
pub fn describe() -> String {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|r| r.trim_start_matches([' ', '\t', ':']).trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let logical = cpuinfo
        .lines()
        .filter(|l| l.starts_with("processor"))
        .count();
    // What `nproc` prints: the CPUs this process may run on (affinity, cgroup quota).
    let nproc = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let mem_gb = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:").map(str::to_string))
        })
        .and_then(|v| {
            v.split_whitespace()
                .next()
                .and_then(|n| n.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0 / 1024.0);
    let kernel = fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!(
        "machine: {model}, nproc {nproc} ({logical} logical CPUs listed), {} RAM, Linux {}",
        mem_gb
            .map(|g| format!("{g:.0} GB"))
            .unwrap_or_else(|| "? GB".into()),
        kernel.trim()
    )
}

/// Peak resident set size of this process so far (VmHWM), in kB.
pub fn peak_rss_kb() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

/// Resets the peak RSS to the current RSS (Linux ≥ 4.0: write `5` to /proc/self/clear_refs), so
/// that each run reports its own peak. Returns false when the kernel refuses.
pub fn reset_peak_rss() -> bool {
    fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// CPU time (user + system, all threads) this process has used so far, from /proc/self/stat.
/// Unlike wall time, it does not grow when other processes compete for the cores.
pub fn cpu_time() -> Option<std::time::Duration> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at field 3.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // USER_HZ is 100 on every Linux architecture Vigie targets.
    Some(std::time::Duration::from_millis((utime + stime) * 10))
}

/// Current resident set size (VmRSS), in kB.
pub fn rss_kb() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

/// The 1, 5 and 15 minute load averages: on a shared machine, wall-clock figures only mean
/// something next to them.
pub fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}
