package tongban.openness.internal.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * Staff curating entries on the workbench: write, correct, retire and restore, each step audited. Staff see and change
 * their own department's curated entries (a platform admin every department's); anyone else's entry does not exist for
 * them. Entries taken from guides, interpretations and replies change with their source, not here.
 */
@Service
public class KnowledgeCuration {

	static final int MIN_QUESTION = 4, MAX_QUESTION = 100, MIN_ANSWER = 10, MAX_ANSWER = 600, MAX_VARIANTS = 20,
			MAX_LINE = 100, MAX_SOURCES = 10, MAX_OWNER = 100;
	static final String AUDIT_KIND = "KNOWLEDGE";

	private final KnowledgeBase base;
	private final KnowledgeEntries entries;
	private final AuditTrail audit;

	KnowledgeCuration(KnowledgeBase base, KnowledgeEntries entries, AuditTrail audit) {
		this.base = base;
		this.entries = entries;
		this.audit = audit;
	}

	/** What staff type; lists one item a line, sources as "title URL" lines, the review date as yyyy-MM-dd. */
	public record Draft(String question, String variants, String answer, String items, String owner, String reviewOn,
			String sources) {

		public static Draft of(KnowledgeEntry e) {
			return new Draft(e.question(), String.join("\n", e.variants()), e.answer(), String.join("\n", e.items()), e.owner(),
					e.reviewOn() == null ? "" : e.reviewOn().toString(),
					String.join("\n", e.sources().stream().map(s -> s.title() + " " + s.url()).toList()));
		}
	}

	/** The result of saving: the problems by field, or the saved entry. */
	public record Saved(List<FieldProblem> problems, KnowledgeEntry entry) {
	}

	/** Curated entries this member of staff may change. */
	public List<KnowledgeEntry> mine(StaffMember staff) {
		return entries.curated(allDepartments(staff) ? null : staff.departmentCode());
	}

	/** A curated entry this member of staff may change; anything else is not found. */
	public KnowledgeEntry own(StaffMember staff, String id) {
		return KnowledgeBase.id(id).flatMap(entries::find)
			.filter(KnowledgeEntry::curated)
			.filter(e -> allDepartments(staff) || staff.departmentCode().equals(e.departmentCode()))
			.orElseThrow(() -> DomainException.notFound("knowledge-entry"));
	}

	private static boolean allDepartments(StaffMember staff) {
		return staff.has(Role.PLATFORM_ADMIN);
	}

	/** Writes a new entry ({@code existing} null) or corrects one; nothing is saved while a field has a problem. */
	@Transactional
	public Saved save(StaffMember staff, KnowledgeEntry existing, Draft d) {
		List<FieldProblem> problems = new ArrayList<>();
		String question = text(d.question());
		if (question.length() < MIN_QUESTION || question.length() > MAX_QUESTION) {
			problems.add(FieldProblem.of("question", "openness.knowledge.error.question", MIN_QUESTION, MAX_QUESTION));
		}
		List<String> variants = lines(d.variants());
		if (variants.size() > MAX_VARIANTS || variants.stream().anyMatch(v -> v.length() > MAX_LINE)) {
			problems.add(FieldProblem.of("variants", "openness.knowledge.error.variants", MAX_VARIANTS, MAX_LINE));
		}
		String answer = text(d.answer());
		if (answer.length() < MIN_ANSWER || answer.length() > MAX_ANSWER) {
			problems.add(FieldProblem.of("answer", "openness.knowledge.error.answer", MIN_ANSWER, MAX_ANSWER));
		}
		List<String> items = lines(d.items());
		if (items.size() > MAX_VARIANTS || items.stream().anyMatch(i -> !i.matches("[0-9A-Za-z-]{4,40}"))) {
			problems.add(FieldProblem.of("items", "openness.knowledge.error.items"));
		}
		String owner = text(d.owner());
		if (owner.isEmpty() || owner.length() > MAX_OWNER) {
			problems.add(FieldProblem.of("owner", "openness.knowledge.error.owner"));
		}
		LocalDate reviewOn = date(d.reviewOn());
		if (reviewOn == null) {
			problems.add(FieldProblem.of("reviewOn", "openness.knowledge.error.reviewOn"));
		}
		else if (!reviewOn.isAfter(LocalDate.now(Clocks.ZONE))) {
			problems.add(FieldProblem.of("reviewOn", "openness.knowledge.error.reviewOn.past"));
		}
		List<KnowledgeEntry.Source> sources = sources(d.sources());
		if (sources == null || sources.isEmpty()) {
			problems.add(FieldProblem.of("sources", "openness.knowledge.error.sources", MAX_SOURCES));
		}
		if (!problems.isEmpty()) {
			return new Saved(problems, null);
		}
		UUID id = existing == null ? UUID.randomUUID() : existing.id();
		String key = existing == null ? "wb-" + id : existing.sourceKey();
		String department = existing == null ? staff.departmentCode() : existing.departmentCode();
		KnowledgeStatus status = existing == null ? KnowledgeStatus.ACTIVE : existing.status();
		KnowledgeEntry saved = base.save(new KnowledgeEntry(id, KnowledgeOrigin.CURATED, key, question, variants, answer, department,
				items, owner, reviewOn, sources, null, null, status, staff.name(), null));
		audit.record(AUDIT_KIND, "staff:" + staff.id(), "knowledge:" + saved.id(),
				(existing == null ? "新建知识条目：" : "修改知识条目：") + question);
		return new Saved(List.of(), saved);
	}

	/** Retires an entry (it leaves the base and search at once) or restores it. */
	@Transactional
	public void move(StaffMember staff, KnowledgeEntry e, KnowledgeStatus to) {
		base.move(e, to, staff.name());
		audit.record(AUDIT_KIND, "staff:" + staff.id(), "knowledge:" + e.id(),
				(to == KnowledgeStatus.RETIRED ? "停用知识条目：" : "恢复知识条目：") + e.question());
	}

	private static String text(String s) {
		return s == null ? "" : s.strip();
	}

	private static List<String> lines(String s) {
		return s == null ? List.of() : Arrays.stream(s.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
	}

	private static LocalDate date(String s) {
		try {
			return text(s).isEmpty() ? null : LocalDate.parse(text(s));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** "title URL" lines (the URL last, http(s) or a path on this site); null when a line is not of that form. */
	private static List<KnowledgeEntry.Source> sources(String s) {
		List<String> lines = lines(s);
		if (lines.size() > MAX_SOURCES) {
			return null;
		}
		List<KnowledgeEntry.Source> out = new ArrayList<>();
		for (String line : lines) {
			int space = line.lastIndexOf(' ');
			String url = space < 0 ? line : line.substring(space + 1);
			String title = space < 0 ? "" : line.substring(0, space).strip();
			if (title.isEmpty() || title.length() > 200 || url.length() > 500 || !url.matches("(https?://|/(?!/))[^\\s<>\"]*")) {
				return null;
			}
			out.add(new KnowledgeEntry.Source(title, url));
		}
		return out;
	}
}
