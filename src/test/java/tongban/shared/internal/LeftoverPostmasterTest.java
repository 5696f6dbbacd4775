package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which process counts as the server left on a data directory: stand-ins are copies of {@code sleep} (and a shell) named
 * {@code postgres}, started in one directory or another, named by the directory's {@code postmaster.pid}. Only a
 * {@code postgres} whose command line or working directory is this data directory is stopped; a server of another data
 * directory, another program given the pid, or a pid no longer alive is left alone.
 */
class LeftoverPostmasterTest {

	@TempDir
	Path temp;

	Path data;
	Path other;
	Path postgres;
	final List<Process> started = new ArrayList<>();

	@BeforeEach
	void standIns() throws IOException {
		data = Files.createDirectories(temp.resolve("data"));
		other = Files.createDirectories(temp.resolve("other"));
		postgres = Files.createDirectories(temp.resolve("bin")).resolve("postgres");
		Files.copy(Path.of("/bin/sleep").toRealPath(), postgres, StandardCopyOption.COPY_ATTRIBUTES);
	}

	@AfterEach
	void stopStandIns() {
		started.forEach(Process::destroyForcibly);
	}

	Process run(Path workingDirectory, String... command) throws IOException {
		Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
		started.add(process);
		return process;
	}

	void pidFile(Process process) throws IOException {
		Files.writeString(data.resolve("postmaster.pid"), process.pid() + "\n" + data + "\n");
	}

	@Test
	void aServerRunningInThisDirectoryIsStopped() throws Exception {
		Process server = run(data, postgres.toString(), "60");
		pidFile(server);
		assertThat(LeftoverPostmaster.find(data)).map(ProcessHandle::pid).contains(server.pid());
		LeftoverPostmaster.stop(data, Duration.ofSeconds(10));
		assertThat(server.isAlive()).isFalse();
	}

	@Test
	void aServerNamingThisDirectoryWithDashDIsStopped() throws Exception {
		// a shell called postgres, its command line naming the data directory as the server's does (its working
		// directory another)
		Path shell = temp.resolve("shell").resolve("postgres");
		Files.createDirectories(shell.getParent());
		Files.copy(Path.of("/bin/sh").toRealPath(), shell, StandardCopyOption.COPY_ATTRIBUTES);
		Process server = run(other, shell.toString(), "-c", "sleep 60; true", "-D", data.toString());
		pidFile(server);
		assertThat(LeftoverPostmaster.find(data)).map(ProcessHandle::pid).contains(server.pid());
		assertThat(LeftoverPostmaster.find(other)).as("its working directory has no postmaster.pid").isEmpty();
	}

	@Test
	void aServerOfAnotherDataDirectoryIsLeftAlone() throws Exception {
		Process server = run(other, postgres.toString(), "60");
		pidFile(server);
		assertThat(LeftoverPostmaster.find(data)).isEmpty();
		LeftoverPostmaster.stop(data, Duration.ofSeconds(10));
		assertThat(server.isAlive()).isTrue();
	}

	@Test
	void anotherProgramGivenThePidIsLeftAlone() throws Exception {
		Process unrelated = run(data, Path.of("/bin/sleep").toRealPath().toString(), "60");
		pidFile(unrelated);
		LeftoverPostmaster.stop(data, Duration.ofSeconds(10));
		assertThat(unrelated.isAlive()).isTrue();
	}

	@Test
	void aPidFileOfAServerNoLongerRunningIsLeftToPostgres() throws Exception {
		Process gone = run(data, postgres.toString(), "0");
		gone.waitFor();
		pidFile(gone);
		assertThat(LeftoverPostmaster.find(data)).isEmpty();
		assertThat(LeftoverPostmaster.find(other)).as("no postmaster.pid at all").isEmpty();
	}
}
