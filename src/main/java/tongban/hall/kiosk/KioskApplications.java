package tongban.hall.kiosk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseView;
import tongban.casework.Submission;
import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.ServiceGuide;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * 自助办理 at a kiosk: the signed-in person files a self-service item through casework's own application API (the
 * same draft, checks and submission as online), acting for themselves only. The kiosk fills in what can be typed on
 * its screen; the applicant's own name, ID number and phone come from their account as casework binds them.
 */
@Service
public class KioskApplications {

	/** A draft as the kiosk shows it: the case, its guide, and the fields the kiosk asks for with their choices. */
	public record Draft(CaseView draft, ServiceGuide guide, List<FormDefinition.Field> fields, Map<String, List<String>> options) {
	}

	private final Applying applying;
	private final CatalogManagement catalog;
	private final IdentityManagement identity;
	private final KioskItems items;

	KioskApplications(Applying applying, CatalogManagement catalog, IdentityManagement identity, KioskItems items) {
		this.applying = applying;
		this.catalog = catalog;
		this.identity = identity;
		this.items = items;
	}

	private Actor actor(KioskPerson person) {
		if (person == null || !person.hasAccount()) {
			throw DomainException.notFound("account");
		}
		return identity.selfActor(person.accountId()).orElseThrow(() -> DomainException.notFound("account"));
	}

	/** Starts (or continues) the person's draft of a self-service item offered at the kiosk's point. */
	public CaseId start(Kiosk kiosk, KioskPerson person, String itemCode) {
		boolean offered = items.atPoint(kiosk.pointId()).stream().anyMatch(g -> g.code().equals(itemCode));
		if (!offered) {
			throw DomainException.notFound("item");
		}
		return applying.startDraft(actor(person), itemCode);
	}

	/** The person's own draft (another's, or a case past its draft, is not found). */
	public Draft draft(KioskPerson person, UUID caseId) {
		CaseView draft;
		try {
			draft = applying.draft(actor(person), CaseId.of(caseId));
		}
		catch (DomainException e) {
			throw DomainException.notFound("case");
		}
		ServiceGuide guide = catalog.version(draft.itemCode(), draft.itemVersion()).orElseThrow(() -> DomainException.notFound("item"));
		if (!KioskItems.doable(guide)) {
			throw DomainException.notFound("item");
		}
		FormDefinition form = guide.applicationForm();
		List<FormDefinition.Field> fields = form.fields().stream().filter(KioskItems::fillable).filter(f -> f.applicant() == null).toList();
		Map<String, List<String>> options = new LinkedHashMap<>();
		fields.stream().filter(f -> f.type() == FormDefinition.FieldType.SELECT).forEach(f -> options.put(f.key(), KioskItems.options(form, f)));
		return new Draft(draft, guide, fields, options);
	}

	/**
	 * Saves what was typed and submits: the problems (nothing is submitted while there are any), or none and the case
	 * number. A choice the kiosk does not offer is refused at its field.
	 */
	public Submission submit(KioskPerson person, UUID caseId, Map<String, String> posted) {
		Draft draft = draft(person, caseId);
		Map<String, Object> values = new LinkedHashMap<>(draft.draft().values());
		List<FieldProblem> refused = new ArrayList<>();
		for (FormDefinition.Field field : draft.fields()) {
			String value = posted.getOrDefault(field.key(), "").strip();
			List<String> choices = draft.options().get(field.key());
			if (choices != null && !value.isEmpty() && !choices.contains(value)) {
				refused.add(FieldProblem.of(field.key(), "hall.kiosk.apply.error.option"));
				continue;
			}
			if (value.isEmpty()) {
				values.remove(field.key());
			}
			else {
				values.put(field.key(), value);
			}
		}
		Actor actor = actor(person);
		// a refused choice first: it says more than the field's "required" that follows from leaving it out
		List<FieldProblem> problems = new ArrayList<>(refused);
		problems.addAll(applying.saveDraft(actor, draft.draft().id(), draft.draft().lockVersion(), values, Map.of(), Map.of()));
		if (!problems.isEmpty()) {
			return new Submission(problems, null, null);
		}
		return applying.submitNumbered(actor, draft.draft().id(), draft.draft().submitToken());
	}
}
