package tongban.openness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.directory.DirectoryManagement;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.openness.domain.DisclosureClock;
import tongban.openness.domain.DisclosureRepository;
import tongban.openness.domain.DisclosureTime;
import tongban.openness.internal.DisclosureViews;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.FileStore;
import tongban.shared.WorkingCalendars;

/**
 * 依申请公开 as the applicant does it (政府信息公开条例 2019, Arts. 27–31): anyone signed in applies, for themself or for
 * a company they represent or act for as its agent, to a department for government information it holds; follows the
 * request at 我的申请; answers a 补正; downloads the sealed notices and the information provided. A request is the
 * party's: anyone else (another person, another company, an agent whose grant does not cover it) finds nothing.
 */
@Service
@Transactional
public class DisclosureRequests {

	/** What an agent's or proxy's grant must cover to apply and follow requests for the party. */
	public static final String SCOPE = "政府信息公开申请";

	public static final int DESCRIPTION_MIN = 10, DESCRIPTION_MAX = 2000, PURPOSE_MAX = 500, DELIVERY_MAX = 200, ANSWER_MAX = 2000;

	private final DisclosureRepository repository;
	private final DisclosureViews views;
	private final DirectoryManagement directory;
	private final WorkingCalendars calendars;
	private final DisclosureTime time;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final FileStore files;

	DisclosureRequests(DisclosureRepository repository, DisclosureViews views, DirectoryManagement directory, WorkingCalendars calendars,
			DisclosureTime time, ApplicationEventPublisher events, AuditTrail audit, FileStore files) {
		this.repository = repository;
		this.views = views;
		this.directory = directory;
		this.calendars = calendars;
		this.time = time;
		this.events = events;
		this.audit = audit;
		this.files = files;
	}

	/** The problems of a request as the form sent it, each at its field; empty when it may be filed. */
	@Transactional(readOnly = true)
	public List<FieldProblem> check(Actor actor, NewDisclosureRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (blank(request.departmentCode()) || directory.departmentByCode(request.departmentCode().strip()).isEmpty()) {
			problems.add(FieldProblem.of("departmentCode", "openness.disclosure.error.department"));
		}
		String description = strip(request.description());
		if (description.length() < DESCRIPTION_MIN || description.length() > DESCRIPTION_MAX) {
			problems.add(FieldProblem.of("description", "openness.disclosure.error.description", DESCRIPTION_MIN, DESCRIPTION_MAX));
		}
		Optional<Disclosure.Form> form = form(request.form());
		if (form.isEmpty()) {
			problems.add(FieldProblem.of("form", "openness.disclosure.error.form"));
		}
		String delivery = strip(request.delivery());
		if (form.orElse(null) == Disclosure.Form.EMAIL && !IdentityManagement.EMAIL.matcher(delivery).matches()) {
			problems.add(FieldProblem.of("delivery", "openness.disclosure.error.email"));
		}
		else if (form.orElse(null) == Disclosure.Form.PAPER && (delivery.length() < 5 || delivery.length() > DELIVERY_MAX)) {
			problems.add(FieldProblem.of("delivery", "openness.disclosure.error.address", DELIVERY_MAX));
		}
		if (strip(request.purpose()).length() > PURPOSE_MAX) {
			problems.add(FieldProblem.of("purpose", "openness.disclosure.error.purpose", PURPOSE_MAX));
		}
		if (actor.party().kind() == Party.Kind.LEGAL_PERSON && applicant(actor, request.applicant()).isEmpty()) {
			problems.add(FieldProblem.of("applicant", "openness.disclosure.error.applicant"));
		}
		return problems;
	}

	/** Files the request, received today (Art. 31(三): the acknowledgment confirms it), and answers its view. */
	public DisclosureView apply(Actor actor, NewDisclosureRequest request) {
		requireScope(actor);
		List<FieldProblem> problems = check(actor, request);
		if (!problems.isEmpty()) {
			throw new DomainException(DomainException.Kind.INVALID, "disclosure-invalid", problems.toString());
		}
		OffsetDateTime now = time.now();
		LocalDate today = time.today();
		Disclosure.Form form = form(request.form()).orElseThrow();
		UUID id = UUID.randomUUID();
		String number = repository.nextNumber(today);
		LocalDate due = calendars.current().addWorkingDays(today, DisclosureClock.LIMIT);
		String departmentCode = request.departmentCode().strip();
		DisclosureRepository.Row row = new DisclosureRepository.Row(id, number, departmentCode, actor.accountId(), actor.accountName(),
				actor.party().kind().name(), actor.party().id(), actor.party().name(), applicant(actor, request.applicant()).orElseThrow(),
				strip(request.description()), form, form == Disclosure.Form.DOWNLOAD ? null : strip(request.delivery()), emptyToNull(request.purpose()),
				Disclosure.Status.RECEIVED, now, today, due, null, null, null, null, null, null, null, null, null, Disclosure.Extension.NONE, 0,
				null, null, null, null, null, null);
		repository.insert(row);
		repository.step(id, now, "RECEIVED", actor.accountName(), null);
		audit.record("DISCLOSURE", "account:" + actor.accountId(), "disclosure:" + number, "filed for " + actor.party().kind() + " " + actor.party().id());
		events.publishEvent(new DisclosureEvents.RequestReceived(id, number, departmentCode, due));
		return views.full(row);
	}

	/** The party's requests (within the actor's grant), the newest first. */
	@Transactional(readOnly = true)
	public List<DisclosureView> mine(Actor actor) {
		if (!actor.covers(SCOPE)) {
			return List.of();
		}
		return repository.ofParty(actor.party().id()).stream().map(views::brief).toList();
	}

	/** One of the party's requests; empty for anyone else's. */
	@Transactional(readOnly = true)
	public Optional<DisclosureView> find(Actor actor, String number) {
		return own(actor, number).map(views::full);
	}

	/** The applicant's answer to a 补正 (Art. 30): the period runs again from today. */
	public void answerSupplement(Actor actor, String number, String answer) {
		DisclosureRepository.Row r = own(actor, number).orElseThrow(() -> DomainException.notFound("disclosure"));
		String text = strip(answer);
		if (text.length() < 2 || text.length() > ANSWER_MAX) {
			throw new DomainException(DomainException.Kind.INVALID, "disclosure-answer-invalid", "2 to " + ANSWER_MAX + " characters");
		}
		LocalDate today = time.today();
		repository.move(r.id(), Disclosure.Status.SUPPLEMENT_REQUESTED, Disclosure.Status.RECEIVED,
				new DisclosureEvents.SupplementAnswered(r.id(), r.number()), "supplement_answered_on = ?, supplement_answer = ?, updated_at = now()",
				today, text);
		repository.step(r.id(), time.now(), "SUPPLEMENT_ANSWERED", actor.accountName(), text);
		DisclosureRepository.Row moved = repository.byId(r.id()).orElseThrow();
		repository.setDue(r.id(), moved.clock().due(calendars.current(), today));
		audit.record("DISCLOSURE", "account:" + actor.accountId(), "disclosure:" + number, "answered the supplement notice");
	}

	/** A file of one of the party's requests: its name, type and content. */
	public record Download(String name, String contentType, byte[] content) {
	}

	@Transactional(readOnly = true)
	public Optional<Download> download(Actor actor, String number, long fileId) {
		return own(actor, number).flatMap(r -> repository.storedFile(r.id(), fileId)).map(this::read);
	}

	Download read(DisclosureRepository.StoredFile stored) {
		try (InputStream in = files.open(stored.fileId()).orElseThrow(() -> DomainException.notFound("file"))) {
			return new Download(stored.name(), stored.contentType(), in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Optional<DisclosureRepository.Row> own(Actor actor, String number) {
		if (number == null || !actor.covers(SCOPE)) {
			return Optional.empty();
		}
		return repository.byNumber(number).filter(r -> r.partyId().equals(actor.party().id()));
	}

	private static void requireScope(Actor actor) {
		if (!actor.covers(SCOPE)) {
			throw DomainException.notFound("disclosure");
		}
	}

	/** The column of section 三 the applicant falls in: a person is 自然人; a company names its kind. */
	private static Optional<Disclosure.Applicant> applicant(Actor actor, String kind) {
		if (actor.party().kind() == Party.Kind.CITIZEN) {
			return Optional.of(Disclosure.Applicant.NATURAL_PERSON);
		}
		return parse(Disclosure.Applicant.class, kind).filter(Disclosure.Applicant::organisation);
	}

	private static Optional<Disclosure.Form> form(String value) {
		return parse(Disclosure.Form.class, value);
	}

	static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
		if (blank(value)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static String strip(String value) {
		return value == null ? "" : value.strip();
	}

	static String emptyToNull(String value) {
		return blank(value) ? null : value.strip();
	}
}
