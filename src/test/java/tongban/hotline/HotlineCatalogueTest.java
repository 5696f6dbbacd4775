package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class HotlineCatalogueTest {

	@Test
	void theChangesetIsTheTimeOfTheServiceListFile(@TempDir Path dir) throws IOException {
		Path file = Files.writeString(dir.resolve("categories.json"), "{}");
		Instant changed = Instant.parse("2026-12-01T08:30:00Z");
		Files.setLastModifiedTime(file, FileTime.from(changed));
		assertThat(HotlineCatalogue.lastModified(new FileSystemResource(file))).isEqualTo(changed);
	}

	@Test
	void aListWhoseTimeIsUnknownSaysTheEpochRatherThanAMadeUpDate() {
		assertThat(HotlineCatalogue.lastModified(new ClassPathResource("no/such/categories.json"))).isEqualTo(Instant.EPOCH);
	}
}
