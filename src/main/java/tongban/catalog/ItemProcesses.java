package tongban.catalog;

import org.springframework.stereotype.Service;

import tongban.catalog.internal.CatalogEditing;
import tongban.identity.StaffMember;

/**
 * Lets the approval module attach an uploaded BPMN process to an item's draft, with the catalogue's own rules on who
 * may edit which item (another department's item is "not found").
 */
@Service
public class ItemProcesses {

	private final CatalogEditing editing;

	ItemProcesses(CatalogEditing editing) {
		this.editing = editing;
	}

	/** Whether this member of staff may change the item now (their department's item, with a draft). */
	public boolean editable(StaffMember staff, String code) {
		return editing.editable(CatalogEditing.Editor.of(staff), code);
	}

	public void use(StaffMember staff, String code, String processKey) {
		editing.useProcess(CatalogEditing.Editor.of(staff), code, processKey);
	}

	/** The key an item's uploaded process is deployed under. */
	public static String keyFor(String code) {
		return ServiceGuide.CUSTOM_PREFIX + code.replaceAll("[^A-Za-z0-9-]", "-");
	}
}
