package tongban.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.casework.domain.Case;
import tongban.casework.domain.CaseRepository;
import tongban.casework.domain.StoredFile;
import tongban.casework.internal.ApplicationForms;
import tongban.catalog.ServiceGuide;
import tongban.identity.Actor;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.Upload;
import tongban.shared.FieldProblem;

/**
 * 容缺后补 (一窗受理): at a counter the clerk records the deferrable materials the applicant will bring later, each with
 * the day it is promised by; the applicant delivers them online or at a counter until the case is decided, and a grant
 * waits until all have come.
 */
@Service
@Transactional
public class CounterIntake {

	public static final int MAX_DEFER_DAYS = 60;

	private final Applying applying;
	private final Cases cases;
	private final CaseRepository repository;
	private final ApplicationForms forms;
	private final JdbcClient jdbc;

	CounterIntake(Applying applying, Cases cases, CaseRepository repository, ApplicationForms forms, JdbcClient jdbc) {
		this.applying = applying;
		this.cases = cases;
		this.repository = repository;
		this.forms = forms;
		this.jdbc = jdbc;
	}

	/**
	 * The deferrable materials the applicant will bring later, each with the promised date (after today, within
	 * {@link #MAX_DEFER_DAYS} days). Replaces the earlier promises of the draft.
	 */
	public List<FieldProblem> defer(Actor actor, CaseId caseId, Map<Integer, LocalDate> promises, String clerkName) {
		CaseView c = applying.draft(actor, caseId);
		ServiceGuide g = cases.guideOf(c);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		promises.forEach((i, by) -> {
			if (i < 0 || i >= g.materials().size() || !"DEFERRABLE".equals(g.materials().get(i).necessity())) {
				problems.add(new FieldProblem("material." + i, "case.error.defer.notDeferrable", List.of()));
			}
			else if (by == null || !by.isAfter(today) || by.isAfter(today.plusDays(MAX_DEFER_DAYS))) {
				problems.add(new FieldProblem("material." + i, "case.error.defer.date", List.of(MAX_DEFER_DAYS)));
			}
		});
		if (!problems.isEmpty()) {
			return problems;
		}
		UUID id = caseId.value();
		jdbc.sql("delete from casework_deferred where case_id = ?").param(id).update();
		promises.forEach((i, by) -> jdbc.sql("insert into casework_deferred (case_id, material_index, material_name, promised_by, recorded_by) "
				+ "values (?, ?, ?, ?, ?)").params(id, i, g.materials().get(i).name(), by, clerkName).update());
		if (!promises.isEmpty()) {
			repository.record(id, "DEFERRED", actor.accountName(), actor.party().name(), promises.keySet().stream()
				.map(i -> g.materials().get(i).name() + " " + promises.get(i)).reduce((x, y) -> x + "；" + y).orElse(""));
		}
		return problems;
	}

	/**
	 * 容缺后补 delivered: the applicant (online, or through a counter clerk) uploads materials promised at acceptance,
	 * any or all of them at once, until the case is concluded. Each upload is checked like any material (type by content,
	 * size) and replaces nothing else; a wrong file is refused at its material and nothing is recorded.
	 */
	public List<FieldProblem> deliverDeferred(Actor actor, CaseId caseId, Map<Integer, Upload> uploads) {
		CaseView c = cases.find(actor, caseId).orElseThrow(() -> DomainException.notFound("case"));
		Case.of(c).requireUndecided();
		UUID id = caseId.value();
		List<Deferred> pending = cases.deferred(caseId).stream().filter(Deferred::pending).toList();
		if (pending.isEmpty()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "deferred-none", "nothing is awaited");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<Integer, StoredFile> stored = new LinkedHashMap<>();
		for (Deferred d : pending) {
			Upload u = uploads.get(d.materialIndex());
			if (u != null && u.bytes().length > 0) {
				forms.store(u, "material." + d.materialIndex(), problems).ifPresent(x -> stored.put(d.materialIndex(), x));
			}
		}
		if (stored.isEmpty() && problems.isEmpty()) {
			Deferred first = pending.getFirst();
			problems.add(new FieldProblem("material." + first.materialIndex(), "case.error.material.required", List.of(first.materialName())));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		ServiceGuide g = cases.guideOf(c);
		stored.forEach((i, x) -> {
			repository.putMaterial(id, i, g.materials().get(i).name(), x, "C", null);
			jdbc.sql("update casework_deferred set delivered_at = now(), delivered_by = ? where case_id = ? and material_index = ?")
				.params(actor.accountName(), id, i)
				.update();
		});
		repository.record(id, "DEFERRED_DELIVERED", actor.accountName(), actor.party().name(),
				stored.keySet().stream().map(i -> g.materials().get(i).name()).reduce((x, y) -> x + "、" + y).orElse(""));
		return problems;
	}
}
