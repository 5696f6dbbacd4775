package tongban.catalog.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import tongban.catalog.internal.CatalogEditing;
import tongban.identity.IdentityManagement;

/** The signed-in staff member as a catalogue editor (for the catalogue's own API). */
@Component
public class ConsoleEditors {

	private final IdentityManagement identity;

	ConsoleEditors(IdentityManagement identity) {
		this.identity = identity;
	}

	public CatalogEditing.Editor editor(Authentication auth) {
		return CatalogConsoleController.editor(identity.staffMember(UUID.fromString(auth.getName())).orElseThrow());
	}
}
