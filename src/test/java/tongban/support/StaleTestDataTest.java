package tongban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleTestDataTest {

	@TempDir
	Path root;

	@Test
	void removesOnlyTheFoldersOfEndedRuns() throws Exception {
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		long dead = ended.pid();
		long self = ProcessHandle.current().pid();
		Files.createDirectories(root.resolve(dead + "/postgres/base"));
		Files.writeString(root.resolve(dead + "/postgres/base/1"), "rows");
		Files.createDirectories(root.resolve(dead + "-backups/wal"));
		Files.createDirectories(root.resolve(dead + "-kafka"));
		Files.createDirectories(root.resolve(self + "-backups"));
		Files.createDirectories(root.resolve(Long.toString(self)));
		Files.createDirectories(root.resolve("cluster"));
		// a server a killed run left running still owns its folder
		Path leftover = root.resolve(Long.toString(dead + 1_000_000));
		Files.createDirectories(leftover.resolve("postgres"));
		Files.writeString(leftover.resolve("postgres/postmaster.pid"), self + "\n/data\n");

		assertThat(StaleTestData.removeEndedRuns(root)).isEqualTo(3);

		assertThat(root.resolve(Long.toString(dead))).doesNotExist();
		assertThat(root.resolve(dead + "-backups")).doesNotExist();
		assertThat(root.resolve(dead + "-kafka")).doesNotExist();
		assertThat(root.resolve(Long.toString(self))).isDirectory();
		assertThat(root.resolve(self + "-backups")).isDirectory();
		assertThat(root.resolve("cluster")).isDirectory();
		assertThat(leftover).isDirectory();
	}

	@Test
	void noFolderNoWork() {
		assertThat(StaleTestData.removeEndedRuns(root.resolve("absent"))).isZero();
	}
}
