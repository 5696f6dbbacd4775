package tongban.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.casework.domain.Case;
import tongban.casework.domain.CaseRepository;
import tongban.catalog.ItemPromise;
import tongban.catalog.ItemPromises;
import tongban.catalog.ServiceGuide;
import tongban.identity.Actor;
import tongban.identity.Party;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * 告知承诺 in an application (国办发〔2020〕42号): where the item accepts a 承诺书, the applicant chooses to promise
 * instead of supplying the materials it replaces, reads the whole wording, ticks it and types their name (the citizen's
 * own, or for a company the name of the representative or agent signing). The text and its version, the name and the
 * time are kept with the case. Unsigned, a name that does not match or a party barred by a recorded breach
 * ({@link PromiseStanding}) stops the submission with the reason at the field ({@code promise.use},
 * {@code promise.agree}, {@code promise.name}); the replaced materials are then required again.
 */
@Service
@Transactional
public class CasePromises {

	/** Fields of the promise in an application's problems. */
	public static final String USE = "promise.use", AGREE = "promise.agree", NAME = "promise.name";

	private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final CaseRepository repository;
	private final Cases cases;
	private final ItemPromises itemPromises;
	private final List<PromiseStanding> standing;

	CasePromises(JdbcClient jdbc, JsonMapper json, CaseRepository repository, Cases cases, ItemPromises itemPromises,
			List<PromiseStanding> standing) {
		this.jdbc = jdbc;
		this.json = json;
		this.repository = repository;
		this.cases = cases;
		this.itemPromises = itemPromises;
		this.standing = List.copyOf(standing);
	}

	/** The promise made with the case, if the applicant chose to promise. */
	@Transactional(readOnly = true)
	public Optional<CasePromise> of(CaseId caseId) {
		return jdbc.sql("""
				select case_id, item_code, promise_version, promise_text, replaced::text, agreed, signed_name, expected_name, signed_at
				  from casework_promise where case_id = ?""")
			.param(caseId.value())
			.query((rs, n) -> new CasePromise(CaseId.of(rs.getObject(1, UUID.class)), rs.getString(2), rs.getInt(3),
					rs.getString(4), json.readValue(rs.getString(5), NAMES), rs.getBoolean(6), rs.getString(7), rs.getString(8),
					rs.getObject(9, OffsetDateTime.class)))
			.optional();
	}

	/** The promise the item of this case offers now, if any. */
	@Transactional(readOnly = true)
	public Optional<ItemPromise> offered(CaseView caseView) {
		return itemPromises.offered(caseView.itemCode());
	}

	/** The name that signs for the party: the citizen's own, or the representative's or agent's for a company. */
	public static String expectedName(Actor actor) {
		return actor.party().kind() == Party.Kind.CITIZEN ? actor.party().name() : actor.accountName();
	}

	/**
	 * The applicant's choice on a draft: not to promise ({@code use} false: the materials are supplied), or to promise,
	 * ticked ({@code agreed}) and signed with {@code typedName}. Kept as given (a draft keeps what was typed); answers
	 * what stops it.
	 */
	public List<FieldProblem> choose(Actor actor, CaseId caseId, boolean use, boolean agreed, String typedName) {
		CaseView c = cases.find(actor, caseId).orElseThrow(() -> DomainException.notFound("case"));
		Case.of(c).require(CaseStatus.DRAFT);
		if (!use) {
			jdbc.sql("delete from casework_promise where case_id = ?").param(caseId.value()).update();
			return List.of();
		}
		ItemPromise offered = itemPromises.offered(c.itemCode())
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "promise-not-offered", "the item takes no promise"));
		String name = typedName == null ? null : typedName.strip();
		boolean signs = agreed && name != null && name.equals(expectedName(actor));
		jdbc.sql("""
				insert into casework_promise (case_id, item_code, promise_version, promise_text, replaced, agreed, signed_name, expected_name, signed_at)
				values (:id, :item, :version, :text, :replaced::jsonb, :agreed, :name, :expected, case when :signs then now() end)
				on conflict (case_id) do update set promise_version = excluded.promise_version, promise_text = excluded.promise_text,
				  replaced = excluded.replaced, agreed = excluded.agreed, signed_name = excluded.signed_name,
				  expected_name = excluded.expected_name, signed_at = excluded.signed_at, updated_at = now()""")
			.param("id", caseId.value())
			.param("item", c.itemCode())
			.param("version", offered.version())
			.param("text", offered.text())
			.param("replaced", json.writeValueAsString(offered.replaced()))
			.param("agreed", agreed)
			.param("name", name == null || name.isEmpty() ? null : name.length() > 50 ? name.substring(0, 50) : name)
			.param("expected", expectedName(actor))
			.param("signs", signs)
			.update();
		return adjust(c, cases.guideOf(c), List.of()).stream().filter(p -> p.field().startsWith("promise.")).toList();
	}

	/**
	 * The problems of an application as the promise changes them: with a signed promise of the current wording the
	 * replaced materials are not required; a promise chosen but not signed, signed with another name, of a wording no
	 * longer offered, or by a party barred by a breach in force, is a problem at its field.
	 */
	@Transactional(readOnly = true)
	public List<FieldProblem> adjust(CaseView caseView, ServiceGuide guide, List<FieldProblem> problems) {
		Optional<CasePromise> chosen = of(caseView.id());
		if (chosen.isEmpty()) {
			return problems;
		}
		CasePromise promise = chosen.get();
		List<FieldProblem> out = new ArrayList<>();
		Optional<ItemPromise> offered = itemPromises.offered(caseView.itemCode());
		Optional<LocalDate> barred = barredUntil(caseView.id());
		if (offered.isEmpty() || offered.get().version() != promise.version()) {
			out.add(new FieldProblem(USE, "casework.promise.error.changed", List.of()));
		}
		else if (barred.isPresent()) {
			out.add(new FieldProblem(USE, "casework.promise.error.barred", List.of(barred.get().toString())));
		}
		else if (!promise.agreed()) {
			out.add(new FieldProblem(AGREE, "casework.promise.error.agree", List.of()));
		}
		else if (promise.signedName() == null) {
			out.add(new FieldProblem(NAME, "casework.promise.error.name", List.of()));
		}
		else if (!promise.signed()) {
			out.add(new FieldProblem(NAME, "casework.promise.error.nameMismatch", List.of()));
		}
		Set<Integer> waived = out.isEmpty() ? replacedIndexes(guide, promise) : Set.of();
		problems.stream().filter(p -> !waived.contains(materialIndex(p))).forEach(out::add);
		return out;
	}

	/** A history entry naming the promise signed, written with the submission (so staff see it on the case). */
	void recordSubmitted(CaseId caseId, String actorName, String partyName) {
		of(caseId).filter(CasePromise::signed).ifPresent(p -> repository.record(caseId.value(), "PROMISE_SIGNED", actorName, partyName,
				"第" + p.version() + "版承诺书，以承诺代替：" + String.join("、", p.replaced())));
	}

	private Optional<LocalDate> barredUntil(CaseId caseId) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		return cases.filing(caseId).flatMap(f -> standing.stream().map(s -> s.barredUntil(f.party().id(), today))
			.flatMap(Optional::stream).max(LocalDate::compareTo));
	}

	private static Set<Integer> replacedIndexes(ServiceGuide guide, CasePromise promise) {
		return IntStream.range(0, guide.materials().size()).filter(i -> promise.replaced().contains(guide.materials().get(i).name()))
			.boxed().collect(Collectors.toSet());
	}

	private static int materialIndex(FieldProblem p) {
		return p.field().matches("material\\.\\d{1,3}") ? Integer.parseInt(p.field().substring("material.".length())) : -1;
	}
}
