package tongban.catalog;

import java.util.List;

/**
 * 图解: an item's picture tutorial, shown on its guide. The catalogue owns the port because the guide shows it (as it
 * owns {@link CapabilityProvider}); the hall module keeps and edits the tutorials and implements it, so the catalogue
 * does not depend on hall. Without an implementation guides show no tutorial.
 */
public interface ItemTutorials {

	/** The item's steps in order; empty when it has no tutorial. */
	List<TutorialStep> steps(String itemCode);

	/** The public page of the whole tutorial (large images). */
	String page(String itemCode);

	/** The console page where department admins of the item and platform admins edit it. */
	String editor(String itemCode);

	/** One numbered step: its title and text, the address of its picture and the picture's text alternative. */
	record TutorialStep(int number, String title, String text, String image, String alt) {
	}
}
