package tongban.casework.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import tongban.casework.CaseId;
import tongban.casework.CasePromise;
import tongban.casework.CasePromises;
import tongban.casework.CaseView;
import tongban.identity.Actor;
import tongban.shared.FieldProblem;

/**
 * The 告知承诺 part of the application page: shown where the item accepts a promise (the whole 承诺书, a choice between
 * supplying the materials and promising, a tick and the typed name), read back from the posted form.
 */
@Component
class PromiseForm {

	/** Posted only by a page that showed the promise: without it the choice is left as it was. */
	static final String SHOWN = "promise.shown";
	static final String PROMISE = "promise";

	private final CasePromises promises;

	PromiseForm(CasePromises promises) {
		this.promises = promises;
	}

	/** Keeps the applicant's choice as posted; answers what stops it (each at its field). */
	List<FieldProblem> save(Actor actor, CaseId caseId, HttpServletRequest request) {
		if (request.getParameter(SHOWN) == null) {
			return List.of();
		}
		return promises.choose(actor, caseId, PROMISE.equals(request.getParameter(CasePromises.USE)),
				request.getParameter(CasePromises.AGREE) != null, request.getParameter(CasePromises.NAME));
	}

	/** The model of the promise section, when the case's item offers one. */
	void show(Model model, Actor actor, CaseView caseView, Map<String, String> errors) {
		promises.offered(caseView).ifPresent(offer -> {
			CasePromise chosen = promises.of(caseView.id()).orElse(null);
			model.addAttribute("promiseOffer", offer);
			model.addAttribute("promiseChosen", chosen);
			model.addAttribute("promiseSigner", CasePromises.expectedName(actor));
			model.addAttribute("promiseErrors", errors);
		});
	}
}
