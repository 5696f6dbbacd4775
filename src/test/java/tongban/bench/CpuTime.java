package tongban.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the platform), its reaped children (wrk), the PostgreSQL processes (with the backends that
 * have ended) and the machine's idle time, read from Linux's /proc in clock ticks, so that a benchmark can say where its
 * time went: per lookup, and whether the machine was saturated or the lookups were waiting.
 */
record CpuTime(long app, long children, long postgres, long idle, long total) {

	/** Clock ticks per second on Linux ({@code getconf CLK_TCK}). */
	private static final double TICK = 100;

	static CpuTime now() {
		try {
			String[] self = afterName(Files.readString(Path.of("/proc/self/stat")));
			long app = Long.parseLong(self[11]) + Long.parseLong(self[12]);
			long children = Long.parseLong(self[13]) + Long.parseLong(self[14]);
			long postgres = 0;
			try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
				for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
					try {
						String stat = Files.readString(p.resolve("stat"));
						if (stat.contains("(postgres)")) {
							String[] f = afterName(stat);
							// with the reaped children's time: the postmaster's holds that of the backends that have ended
							// (a client that connects for a run and leaves, as pgbench does)
							postgres += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
						}
					}
					catch (IOException gone) {
						// the process ended meanwhile
					}
				}
			}
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < cpu.length; i++) {
				total += Long.parseLong(cpu[i]);
			}
			long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
			return new CpuTime(app, children, postgres, idle, total);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The fields of a /proc/N/stat line after the name in parentheses (which may hold spaces); index 0 is the state. */
	private static String[] afterName(String stat) {
		return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
	}

	CpuTime minus(CpuTime before) {
		return new CpuTime(app - before.app, children - before.children, postgres - before.postgres, idle - before.idle, total - before.total);
	}

	CpuTime plus(CpuTime other) {
		return new CpuTime(app + other.app, children + other.children, postgres + other.postgres, idle + other.idle, total + other.total);
	}

	/** Microseconds of CPU per operation for the platform, PostgreSQL and wrk, and the machine's idle share. */
	String per(long operations) {
		double us = 1e6 / TICK / Math.max(1, operations);
		return String.format("CPU per lookup: platform %.0f µs, PostgreSQL %.0f µs, wrk %.0f µs; machine idle %.0f%%", app * us, postgres * us, children * us,
				100.0 * idle / Math.max(1, total));
	}
}
