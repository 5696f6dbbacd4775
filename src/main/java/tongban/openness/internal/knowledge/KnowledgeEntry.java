package tongban.openness.internal.knowledge;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One question and its answer. A curated entry carries its own {@code sources}; an entry taken from a guide, an
 * interpretation or a 12345 reply links that source ({@code sourceTitle}, {@code sourcePath}).
 */
public record KnowledgeEntry(UUID id, KnowledgeOrigin origin, String sourceKey, String question, List<String> variants,
		String answer, String departmentCode, List<String> items, String owner, LocalDate reviewOn, List<Source> sources,
		String sourceTitle, String sourcePath, KnowledgeStatus status, String updatedBy, OffsetDateTime updatedAt) {

	public KnowledgeEntry {
		variants = variants == null ? List.of() : List.copyOf(variants);
		items = items == null ? List.of() : List.copyOf(items);
		sources = sources == null ? List.of() : List.copyOf(sources);
	}

	/** A public page an answer was written from. */
	public record Source(String title, String url) {
	}

	/** The links a reader can follow to check the answer: the source it was taken from, or its curated sources. */
	public List<Source> links() {
		return sourcePath != null ? List.of(new Source(sourceTitle, sourcePath)) : sources;
	}

	public boolean curated() {
		return origin == KnowledgeOrigin.CURATED;
	}

	public boolean active() {
		return status == KnowledgeStatus.ACTIVE;
	}

	/** The public page of this entry. */
	public String path() {
		return "/knowledge/" + id;
	}
}
