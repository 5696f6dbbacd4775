package tongban.catalog;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import tongban.catalog.internal.CatalogEditing;
import tongban.catalog.web.ConsoleEditors;

/**
 * Lets the approval module attach an uploaded BPMN process to an item's draft, with the catalogue's own rules on who
 * may edit which item (another department's item is "not found").
 */
@Service
public class ItemProcesses {

	private final CatalogEditing editing;
	private final ConsoleEditors editors;

	ItemProcesses(CatalogEditing editing, ConsoleEditors editors) {
		this.editing = editing;
		this.editors = editors;
	}

	/** Whether the signed-in staff member may change the item now (their department's item, with a draft). */
	public boolean editable(Authentication auth, String code) {
		return editing.editable(editors.editor(auth), code);
	}

	public void use(Authentication auth, String code, String processKey) {
		editing.useProcess(editors.editor(auth), code, processKey);
	}

	/** The key an item's uploaded process is deployed under. */
	public static String keyFor(String code) {
		return ServiceGuide.CUSTOM_PREFIX + code.replaceAll("[^A-Za-z0-9-]", "-");
	}
}
