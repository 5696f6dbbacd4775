package tongban.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes what earlier test runs left in target/test-data: each run's folders are named after its JVM's process id
 * ({@code 4711}, {@code 4711-backups}, {@code 4711-kafka} …), and a folder whose process has ended is of no use to a
 * running test. A benchmark's million tickets leave several gigabytes of database and archived WAL there; runs in one
 * working tree once filled the disk and killed the next run.
 */
public final class StaleTestData {

	private static final Pattern RUN = Pattern.compile("(\\d+)(-[a-z0-9-]+)?");

	private StaleTestData() {
	}

	/** Deletes the folders under {@code root} of runs whose process is no longer alive; answers how many. */
	public static int removeEndedRuns(Path root) {
		if (!Files.isDirectory(root)) {
			return 0;
		}
		try (Stream<Path> entries = Files.list(root)) {
			List<Path> ended = entries.filter(entry -> {
				Matcher run = RUN.matcher(entry.getFileName().toString());
				return run.matches() && !alive(run.group(1)) && !serverRunsIn(entry);
			}).toList();
			for (Path folder : ended) {
				delete(folder);
			}
			return ended.size();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static boolean alive(String pid) {
		return pid.length() < 19 && ProcessHandle.of(Long.parseLong(pid)).isPresent();
	}

	/** A PostgreSQL left running by a killed run keeps its folder until the next run in it stops the server. */
	private static boolean serverRunsIn(Path folder) {
		Path pidFile = folder.resolve("postgres").resolve("postmaster.pid");
		try {
			return Files.exists(pidFile) && alive(Files.readAllLines(pidFile).getFirst().strip());
		}
		catch (IOException | RuntimeException unreadable) {
			return true;
		}
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
