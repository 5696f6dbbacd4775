package tongban.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import tongban.shared.DomainException;

/** The copy's status graph: its ends, the moves it refuses, and the drawing in docs/privacy.md being this graph. */
class ExportStatusTest {

	@Test
	void aCopyEndsExpiredOrFailedAndNeverComesBack() {
		assertThat(ExportStatus.GRAPH.terminal()).isEqualTo(EnumSet.of(ExportStatus.EXPIRED, ExportStatus.FAILED));
		assertThat(ExportStatus.GRAPH.allows(ExportStatus.READY, ExportStatus.PREPARING)).isFalse();
		assertThat(ExportStatus.GRAPH.allows(ExportStatus.REQUESTED, ExportStatus.READY)).as("never ready unprepared").isFalse();
		assertThatThrownBy(() -> ExportStatus.GRAPH.require(ExportStatus.EXPIRED, ExportStatus.READY))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ExportStatus.CONFLICT));
	}

	@Test
	void underWayIsRequestedOrPreparing() {
		assertThat(EnumSet.allOf(ExportStatus.class).stream().filter(ExportStatus::underWay))
			.containsExactly(ExportStatus.REQUESTED, ExportStatus.PREPARING);
	}

	@Test
	void theDocsDrawThisGraph() throws IOException {
		String docs = Files.readString(Path.of("docs", "privacy.md"));
		assertThat(docs).contains(ExportStatus.GRAPH.mermaid(ExportStatus.REQUESTED).strip());
	}
}
