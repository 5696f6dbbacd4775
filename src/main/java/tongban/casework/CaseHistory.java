package tongban.casework;

import static tongban.shared.Batches.at;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.internal.ApplicationForms;
import tongban.casework.internal.PromisedDates;
import tongban.identity.Party;
import tongban.shared.Batches;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.WorkingCalendar;

/**
 * History import (docs/decisions/0028): concluded cases of earlier days written straight into casework's own tables, in
 * batches, as the real steps would have left them (the case row, its history lines, its 补正 rounds and its measured
 * counter visits). History starts no process, sends no message and publishes no event: it already happened.
 */
@Service
public class CaseHistory {

	/** One 补正 round of a historic case: when the materials were asked for again and when the applicant answered. */
	public record SupplementRound(OffsetDateTime requestedAt, OffsetDateTime answeredAt) {
	}

	/** A counter visit of a historic case (INTAKE, SUPPLEMENT, COLLECTION), at a window when known. */
	public record Visit(String kind, OffsetDateTime at, UUID windowId) {
	}

	/**
	 * A concluded case of an earlier day: its item as published, the department and region that handled it, the
	 * applicant and the party, the channel (ONLINE or COUNTER), when it was submitted, accepted (null when refused
	 * before acceptance) and concluded, the promised date, how it ended, its 补正 rounds (each requested and answered
	 * before acceptance), the staff member named on its steps, its counter visits, and the form fields filled from a
	 * register with the applicant's consent (免提交: form key → value, from {@code prefillSource}; empty for none).
	 */
	public record HistoricCase(UUID id, String caseNumber, String itemCode, int itemVersion, String itemName, String departmentCode,
			String regionCode, UUID applicantAccountId, String applicantName, Party party, String channel, OffsetDateTime submittedAt,
			List<SupplementRound> supplementRounds, OffsetDateTime acceptedAt, LocalDate promisedDate, OffsetDateTime concludedAt,
			CaseOutcome outcome, String staffName, List<Visit> visits, Map<String, String> prefilled, String prefillSource) {

		public HistoricCase {
			supplementRounds = List.copyOf(supplementRounds);
			visits = List.copyOf(visits);
			prefilled = Map.copyOf(prefilled);
		}

		/** The same case, applied for by someone else (the demo citizen takes over a few). */
		public HistoricCase appliedBy(UUID accountId, String name, Party newParty, Map<String, String> values) {
			return new HistoricCase(id, caseNumber, itemCode, itemVersion, itemName, departmentCode, regionCode, accountId, name, newParty, channel,
					submittedAt, supplementRounds, acceptedAt, promisedDate, concludedAt, outcome, staffName, visits, values, prefillSource);
		}

		/** The status the case ended in. */
		public CaseStatus status() {
			return switch (outcome) {
				case APPROVED -> CaseStatus.CONCLUDED;
				case DENIED -> CaseStatus.DENIED;
				case REFUSED -> CaseStatus.REFUSED;
				case WITHDRAWN -> CaseStatus.WITHDRAWN;
			};
		}
	}

	private final JdbcTemplate jdbc;
	private final DataKeys keys;
	private final JsonMapper json;
	private final ApplicationForms forms;

	CaseHistory(JdbcTemplate jdbc, DataKeys keys, JsonMapper json, ApplicationForms forms) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.json = json;
		this.forms = forms;
	}

	/** The promised date (预计办结日期) an application counted from {@code day} gets: the one rule, {@link PromisedDates}. */
	public static LocalDate promisedDate(boolean immediate, int limit, String limitUnit, LocalDate day, WorkingCalendar calendar) {
		return PromisedDates.from(immediate, limit, limitUnit, day, calendar);
	}

	/** A case number as submission gives one: the region, the day and a six-digit serial. */
	public static String caseNumber(String regionCode, LocalDate day, int serial) {
		return regionCode + day.toString().replace("-", "") + String.format("%06d", serial);
	}

	/**
	 * Writes the cases, numbering their acceptance notices per department and year from the same gapless counter the
	 * counter's 受理 uses (so later real notices continue after them). In the caller's transaction.
	 */
	@Transactional
	public void importConcluded(List<HistoricCase> cases) {
		List<HistoricCase> ordered = cases.stream()
			.sorted(Comparator.comparing(HistoricCase::submittedAt).thenComparing(HistoricCase::caseNumber))
			.toList();
		Map<UUID, String> acceptanceNumbers = acceptanceNumbers(ordered);
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> events = new ArrayList<>();
		List<Object[]> supplements = new ArrayList<>();
		List<Object[]> visits = new ArrayList<>();
		for (HistoricCase c : ordered) {
			String acceptanceNo = acceptanceNumbers.get(c.id());
			rows.add(new Object[] { c.id(), c.caseNumber(), c.itemCode(), c.itemVersion(), c.itemName(), c.departmentCode(), c.regionCode(),
					c.applicantAccountId(), c.applicantName(), c.party().kind().name(), c.party().id(), c.party().name(), c.channel(),
					c.status().name(), keys.encrypt(json.writeValueAsString(c.prefilled())), provenance(c), UUID.nameUUIDFromBytes(("submit:" + c.id()).getBytes()), at(c.submittedAt()),
					at(c.concludedAt()), at(c.submittedAt()), c.promisedDate(), at(c.acceptedAt()), acceptanceNo, at(c.concludedAt()),
					c.outcome().name() });
			String applicant = c.applicantName();
			events.add(event(c, c.submittedAt(), "SUBMITTED", applicant, c.channel().equals("COUNTER") ? "窗口收件" : null));
			for (SupplementRound round : c.supplementRounds()) {
				events.add(event(c, round.requestedAt(), "SUPPLEMENT_REQUESTED", c.staffName(), "申请表信息不完整"));
				supplements.add(new Object[] { c.id(), 0, "申请表", "申请表信息不完整，请补充完整后重新提交", at(round.requestedAt()), c.staffName(),
						at(round.answeredAt()) });
				events.add(event(c, round.answeredAt(), "SUPPLEMENT_PROVIDED", applicant, null));
			}
			if (c.acceptedAt() != null) {
				events.add(event(c, c.acceptedAt(), "ACCEPTED", c.staffName(), acceptanceNo));
			}
			switch (c.outcome()) {
				case APPROVED -> {
					events.add(event(c, c.concludedAt().minusMinutes(30), "APPROVED", c.staffName(), null));
					events.add(event(c, c.concludedAt(), "DELIVERED", c.staffName(), null));
				}
				case DENIED -> events.add(event(c, c.concludedAt(), "DENIED", c.staffName(), "不符合法定条件"));
				case REFUSED -> events.add(event(c, c.concludedAt(), "REFUSED", c.staffName(), "申请事项不属于本机关职权范围"));
				case WITHDRAWN -> events.add(event(c, c.concludedAt(), "WITHDRAWN", applicant, null));
			}
			for (Visit v : c.visits()) {
				visits.add(new Object[] { UUID.nameUUIDFromBytes(("visit:" + c.id() + ":" + v.kind() + ":" + v.at()).getBytes()), c.id(), v.kind(),
						at(v.at()), v.windowId(), c.staffName() });
			}
		}
		batch("""
				insert into casework_case (id, case_number, item_code, item_version, item_name, department_code, region_code,
				  applicant_account_id, applicant_name, party_kind, party_id, party_name, channel, status, form_values, provenance, submit_token,
				  created_at, updated_at, submitted_at, promised_date, accepted_at, acceptance_no, concluded_at, outcome)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		batch("insert into casework_event (case_id, at, action, actor_name, party_name, note) values (?, ?, ?, ?, ?, ?)", events);
		batch("""
				insert into casework_supplement (case_id, material_index, material_name, reason, requested_at, requested_by, resolved_at)
				values (?, ?, ?, ?, ?, ?, ?)""", supplements);
		batch("insert into casework_visit (id, case_id, kind, at, window_id, staff_name) values (?, ?, ?, ?, ?, ?)", visits);
	}

	/** Acceptance notice numbers (department, 受, year, serial), taken in blocks from the per-department yearly counter. */
	private Map<UUID, String> acceptanceNumbers(List<HistoricCase> ordered) {
		Map<String, List<HistoricCase>> bySeries = new LinkedHashMap<>();
		for (HistoricCase c : ordered) {
			if (c.acceptedAt() != null) {
				int year = c.acceptedAt().atZoneSameInstant(Clocks.ZONE).getYear();
				bySeries.computeIfAbsent(c.departmentCode() + "|" + year, k -> new ArrayList<>()).add(c);
			}
		}
		Map<UUID, String> numbers = new LinkedHashMap<>();
		bySeries.forEach((key, list) -> {
			String department = key.substring(0, key.indexOf('|'));
			int year = Integer.parseInt(key.substring(key.indexOf('|') + 1));
			Integer last = jdbc.queryForObject("""
					insert into casework_number (region_code, day, last) values (?, ?, ?)
					on conflict (region_code, day) do update set last = casework_number.last + excluded.last returning last""", Integer.class,
					"A-" + department, LocalDate.of(year, 1, 1), list.size());
			int serial = last - list.size();
			for (HistoricCase c : list) {
				numbers.put(c.id(), department + "-受-" + year + "-" + String.format("%05d", ++serial));
			}
		});
		return numbers;
	}

	/** Each prefilled field with its register and MAC, as the form keeps them when an applicant takes a prefill. */
	private String provenance(HistoricCase c) {
		Map<String, Verified> provenance = new LinkedHashMap<>();
		c.prefilled().forEach((field, value) -> provenance.put(field, new Verified(c.prefillSource(), forms.verifiedMac(c.id(), field, value))));
		return json.writeValueAsString(provenance);
	}

	private static Object[] event(HistoricCase c, OffsetDateTime at, String action, String actor, String note) {
		return new Object[] { c.id(), at(at), action, actor, c.party().name(), note };
	}

	private void batch(String sql, List<Object[]> rows) {
		Batches.write(jdbc, sql, rows);
	}
}
