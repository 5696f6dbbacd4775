package tongban.hall.tutorials.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import tongban.catalog.ItemTutorials;
import tongban.hall.tutorials.Tutorials;

/** The catalogue's guide shows hall's tutorials through its {@link ItemTutorials} port. */
@Component
class GuideTutorials implements ItemTutorials {

	private final Tutorials tutorials;

	GuideTutorials(Tutorials tutorials) {
		this.tutorials = tutorials;
	}

	@Override
	public List<TutorialStep> steps(String itemCode) {
		return tutorials.steps(itemCode).stream()
			.map(s -> new TutorialStep(s.position(), s.title(), s.text(), "/items/" + itemCode + "/tutorial/images/" + s.id(), s.alt()))
			.toList();
	}

	@Override
	public String page(String itemCode) {
		return "/items/" + itemCode + "/tutorial";
	}

	@Override
	public String editor(String itemCode) {
		return "/console/items/" + itemCode + "/tutorial";
	}
}
