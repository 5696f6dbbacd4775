package tongban.shared.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running by an earlier run on this data directory. {@code pg_ctl} starts the embedded server
 * in a session of its own (its parent is pid 1), so when the JVM is killed (kill -9, the OOM killer) the server outlives
 * it, keeps {@code postmaster.pid} and the next start fails ("lock file "postmaster.pid" already exists"). Before a
 * start, {@link #stop} ends such a server cleanly: SIGTERM, PostgreSQL's smart shutdown (no new sessions; the killed
 * JVM's sessions are already gone), which writes a shutdown checkpoint, then waits for it to exit.
 * <p>
 * A process is taken for this directory's server only when {@code postmaster.pid} names it, it runs a binary called
 * {@code postgres}, and its command line ({@code -D}) or its working directory is this directory: a server of another
 * data directory, or an unrelated process that was given a recycled pid, is never touched. A file naming no live
 * process is left to PostgreSQL, which removes it on start.
 */
final class LeftoverPostmaster {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

	private LeftoverPostmaster() {
	}

	/** The live server of this data directory named by its {@code postmaster.pid}, if there is one. */
	static Optional<ProcessHandle> find(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		long pid;
		try {
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.isEmpty()) {
				return Optional.empty();
			}
			pid = Long.parseLong(lines.getFirst().strip());
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> servesDirectory(process, dataDirectory));
	}

	/**
	 * Stops the server a previous run left on this data directory, if any, and waits up to {@code wait} for it to exit;
	 * an {@link IllegalStateException} when it does not.
	 */
	static void stop(Path dataDirectory, Duration wait) {
		Optional<ProcessHandle> found = find(dataDirectory);
		if (found.isEmpty()) {
			return;
		}
		ProcessHandle server = found.get();
		log.warn("PostgreSQL left running by an earlier run (pid {}) on {}: stopping it before starting", server.pid(), dataDirectory);
		server.destroy();
		try {
			server.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException e) {
			throw new IllegalStateException("PostgreSQL (pid " + server.pid() + ") left running on " + dataDirectory + " did not stop within "
					+ wait + "; stop it (pg_ctl stop -m fast -D " + dataDirectory + ") and start again", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while stopping PostgreSQL (pid " + server.pid() + ")", e);
		}
		log.info("PostgreSQL left by an earlier run (pid {}) stopped", server.pid());
	}

	private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
		ProcessHandle.Info info = process.info();
		boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString().equals("postgres")).orElse(false);
		if (!postgres) {
			return false;
		}
		Path directory = real(dataDirectory);
		List<String> arguments = info.arguments().map(List::of).orElse(List.of());
		int flag = arguments.indexOf("-D");
		if (flag >= 0 && flag + 1 < arguments.size() && real(Path.of(arguments.get(flag + 1))).equals(directory)) {
			return true;
		}
		// the server changes into its data directory
		Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
		try {
			return Files.isSymbolicLink(cwd) && real(Files.readSymbolicLink(cwd)).equals(directory);
		}
		catch (IOException | SecurityException e) {
			return false;
		}
	}

	private static Path real(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException e) {
			return path.toAbsolutePath().normalize();
		}
	}
}
