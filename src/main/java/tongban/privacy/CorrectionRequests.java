package tongban.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.EventView;
import tongban.casework.Submission;
import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemFilter;
import tongban.catalog.ItemSummary;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.exchange.RegisterHoldings;
import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.notification.NotificationManagement;
import tongban.privacy.internal.CorrectionRows;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * Requests to correct register data (更正、补充, 个人信息保护法 Art. 46). Account data (mobile, e-mail, password) the
 * person changes themself on the account page; what a department's register holds about them (the population register,
 * marriage, social insurance …) only that department can correct, so the request goes to it as a case of its item
 * {@value #ITEM_NAME}: the department that keeps the register is the resource's provider in the exchange catalogue.
 * A field of a register that holds no record of the person is refused: the platform holds nothing there to correct.
 * The department's decision on the case is the answer the person sees in the privacy centre.
 */
@Service
public class CorrectionRequests {

	/** The name of each department's item that takes correction requests. */
	public static final String ITEM_NAME = "个人信息更正申请";

	/** The longest corrected value and reason taken. */
	public static final int MAX_VALUE = 200, MAX_REASON = 500;

	/** A field of a register the person may ask to correct; {@code code} is how the form names it. */
	public record Target(String code, String resourceCode, String resourceName, String field, String fieldLabel, String departmentCode) {
	}

	/** A request as the person sees it, with the department's answer once the case is decided. */
	public record CorrectionView(UUID id, String register, String field, String corrected, String caseNumber, String department,
			Instant requestedAt, CaseStatus status, String answer) {

		/** The department decided (corrected, or refused with its reasons): the case is past its handling. */
		public boolean answered() {
			return status != null && status != CaseStatus.DRAFT && status != CaseStatus.SUBMITTED && status != CaseStatus.SUPPLEMENT_REQUESTED
					&& !status.underway();
		}
	}

	/** What a request answers: the problems that stopped it, or the case's number. */
	public record Outcome(List<FieldProblem> problems, String caseNumber) {
	}

	private final ResourceCatalogue catalogue;
	private final RegisterHoldings holdings;
	private final IdentityManagement identity;
	private final CatalogManagement items;
	private final DirectoryManagement directory;
	private final Applying applying;
	private final Cases cases;
	private final CorrectionRows rows;
	private final NotificationManagement notifications;
	private final Clock clock;

	CorrectionRequests(ResourceCatalogue catalogue, RegisterHoldings holdings, IdentityManagement identity, CatalogManagement items,
			DirectoryManagement directory, Applying applying, Cases cases, CorrectionRows rows, NotificationManagement notifications,
			Clock clock) {
		this.catalogue = catalogue;
		this.holdings = holdings;
		this.identity = identity;
		this.items = items;
		this.directory = directory;
		this.applying = applying;
		this.cases = cases;
		this.rows = rows;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Every field of every register of people in the exchange catalogue, by register. */
	public List<Target> targets() {
		List<Target> out = new ArrayList<>();
		for (Resource r : catalogue.resources()) {
			if ("PERSON".equals(r.subjectKind())) {
				for (Resource.Field f : r.fields()) {
					out.add(new Target(r.code() + "/" + f.name(), r.code(), r.name(), f.name(), f.label(), r.providerDepartmentCode()));
				}
			}
		}
		return out;
	}

	/**
	 * Sends the request as a case to the register's department. Refused, beside the field: no target chosen or one not
	 * in the catalogue; a register that holds no record of the person; a department without the item; a corrected value
	 * or a reason that is empty or too long.
	 */
	public Outcome request(Actor actor, String targetCode, String corrected, String reason) {
		if (!actor.actingForSelf()) {
			throw DomainException.notFound("account");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String value = corrected == null ? "" : corrected.strip();
		String why = reason == null ? "" : reason.strip();
		Optional<Target> target = targets().stream().filter(t -> t.code().equals(targetCode)).findFirst();
		if (target.isEmpty()) {
			problems.add(FieldProblem.of("target", "privacy.correction.error.target"));
		}
		if (value.isEmpty() || value.length() > MAX_VALUE) {
			problems.add(FieldProblem.of("corrected", "privacy.correction.error.corrected", MAX_VALUE));
		}
		if (why.isEmpty() || why.length() > MAX_REASON) {
			problems.add(FieldProblem.of("reason", "privacy.correction.error.reason", MAX_REASON));
		}
		if (target.isEmpty()) {
			return new Outcome(problems, null);
		}
		Target t = target.get();
		String subject = identity.identifierOf(actor.party()).orElseThrow(() -> DomainException.notFound("account"));
		if (!holdings.holds(t.resourceCode(), subject)) {
			problems.add(0, FieldProblem.of("target", "privacy.correction.error.notHeld", t.resourceName()));
			return new Outcome(problems, null);
		}
		Optional<String> item = itemOf(t.departmentCode());
		if (item.isEmpty()) {
			problems.add(0, FieldProblem.of("target", "privacy.correction.error.noItem", departmentName(t.departmentCode())));
		}
		if (!problems.isEmpty()) {
			return new Outcome(problems, null);
		}
		CaseId caseId = applying.startDraft(actor, item.get());
		List<FieldProblem> saved = applying.saveDraft(actor, caseId, applying.draft(actor, caseId).lockVersion(),
				Map.of("register", t.resourceName(), "field", t.fieldLabel(), "corrected", value, "reason", why), Map.of(), Map.of());
		if (!saved.isEmpty()) {
			return new Outcome(saved, null);
		}
		Submission submitted = applying.submitNumbered(actor, caseId, applying.draft(actor, caseId).submitToken());
		if (!submitted.problems().isEmpty()) {
			return new Outcome(submitted.problems(), null);
		}
		rows.insert(new CorrectionRows.Row(UUID.randomUUID(), actor.accountId(), t.resourceCode(), t.resourceName(), t.field(), t.fieldLabel(),
				value, t.departmentCode(), caseId.value(), submitted.caseNumber(), clock.instant()));
		identity.contact(actor.accountId()).ifPresent(contact -> notifications.notify(contact.recipient(), "PRIVACY_CORRECTION_SENT",
				Map.of("register", t.resourceName(), "field", t.fieldLabel(), "number", submitted.caseNumber(), "department",
						departmentName(t.departmentCode())), "/account/privacy#corrections", caseId.value()));
		return new Outcome(List.of(), submitted.caseNumber());
	}

	/** The person's requests, the latest first, each with its case's status and, once decided, the department's answer. */
	public List<CorrectionView> of(Actor actor) {
		return rows.of(actor.accountId()).stream().map(r -> {
			Optional<CaseView> c = cases.find(actor, new CaseId(r.caseId()));
			CaseStatus status = c.map(CaseView::status).orElse(null);
			CorrectionView view = new CorrectionView(r.id(), r.resourceName(), r.fieldLabel(), r.corrected(), r.caseNumber(),
					departmentName(r.departmentCode()), r.requestedAt(), status, null);
			String answer = view.answered() ? c.flatMap(CorrectionRequests::lastNote).orElse(null) : null;
			return new CorrectionView(view.id(), view.register(), view.field(), view.corrected(), view.caseNumber(), view.department(),
					view.requestedAt(), status, answer);
		}).toList();
	}

	private static Optional<String> lastNote(CaseView c) {
		List<EventView> events = c.events();
		for (int i = events.size() - 1; i >= 0; i--) {
			String note = events.get(i).note();
			if (note != null && !note.isBlank()) {
				return Optional.of(note);
			}
		}
		return Optional.empty();
	}

	/** The department's published item that takes correction requests, if it has one. */
	private Optional<String> itemOf(String departmentCode) {
		return items.browse(new ItemFilter(null, departmentCode, null, null, null, null, null), PageRequest.of(0, 500)).stream()
			.filter(i -> ITEM_NAME.equals(i.name()) && departmentCode.equals(i.departmentCode()))
			.map(ItemSummary::code)
			.findFirst();
	}

	private String departmentName(String code) {
		return directory.departmentByCode(code).map(DepartmentView::name).orElse(code);
	}
}
