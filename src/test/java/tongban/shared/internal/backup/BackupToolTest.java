package tongban.shared.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code bin/backup} and {@code bin/restore} refuse before touching anything, and how times are read. */
class BackupToolTest {

	@TempDir
	Path temp;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void aRestoreWithoutKeyOrFolderOrIntoAnOccupiedFolderIsRefused() throws IOException {
		Map<String, String> environment = Map.of("TONGBAN_BACKUP_DIR", temp.resolve("backups").toString());
		assertThatThrownBy(() -> BackupTool.run(List.of("restore", "--into", temp.resolve("new").toString()), environment, out))
			.isInstanceOf(BackupRefused.class).hasMessageStartingWith("No backup key");
		Map<String, String> keyed = Map.of("TONGBAN_BACKUP_DIR", temp.resolve("backups").toString(), "TONGBAN_BACKUP_KEY", KEY);
		assertThatThrownBy(() -> BackupTool.run(List.of("restore"), keyed, out)).isInstanceOf(BackupRefused.class).hasMessage("Name the new data folder: --into DIR.");
		assertThatThrownBy(() -> BackupTool.run(List.of("restore", "--into", temp.resolve("new").toString()), keyed, out))
			.isInstanceOf(BackupRefused.class).hasMessageStartingWith("No finished backup in");
		Path occupied = Files.createDirectories(temp.resolve("occupied"));
		Files.writeString(occupied.resolve("x"), "x");
		assertThatThrownBy(() -> BackupTool.run(List.of("restore", "--into", occupied.toString()), keyed, out)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("is not empty");
		assertThatThrownBy(() -> BackupTool.run(List.of("list"), Map.of(), out)).isInstanceOf(BackupRefused.class)
			.hasMessageStartingWith("TONGBAN_BACKUP_DIR is not set");
	}

	@Test
	void aBackupOfAnExternalDatabaseOrAStoppedOneIsRefusedWithWhatToDo() {
		Map<String, String> external = Map.of("TONGBAN_BACKUP_DIR", temp.toString(), "TONGBAN_BACKUP_KEY", KEY, "SPRING_DATASOURCE_URL",
				"jdbc:postgresql://db/tongban");
		assertThatThrownBy(() -> BackupTool.run(List.of("backup"), external, out)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("external database");
		Map<String, String> stopped = Map.of("TONGBAN_BACKUP_DIR", temp.resolve("b").toString(), "TONGBAN_BACKUP_KEY", KEY, "TONGBAN_DATA_DIR",
				temp.resolve("data").toString());
		assertThatThrownBy(() -> BackupTool.run(List.of("backup"), stopped, out)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("is not running: start the platform");
	}

	@Test
	void timesAreReadWithOrWithoutOffsetAsBeijingTime() {
		Instant expected = Instant.parse("2026-12-07T02:00:00Z");
		assertThat(Restore.parseTime("2026-12-07 10:00:00+08")).isEqualTo(expected);
		assertThat(Restore.parseTime("2026-12-07T10:00:00+08:00")).isEqualTo(expected);
		assertThat(Restore.parseTime("2026-12-07 10:00:00")).isEqualTo(expected);
		assertThat(Restore.parseTime("2026-12-07T02:00:00Z")).isEqualTo(expected);
		assertThatThrownBy(() -> Restore.parseTime("yesterday")).isInstanceOf(BackupRefused.class).hasMessageContaining("2026-12-07 10:00:00+08");
	}
}
