package tongban.catalog.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import tongban.catalog.internal.CatalogEditing;
import tongban.directory.DirectoryManagement;
import tongban.identity.IdentityManagement;

/** The signed-in staff member as a catalogue editor (for the catalogue's own API). */
@Component
public class ConsoleEditors {

	private final IdentityManagement identity;
	private final DirectoryManagement directory;

	ConsoleEditors(IdentityManagement identity, DirectoryManagement directory) {
		this.identity = identity;
		this.directory = directory;
	}

	public CatalogEditing.Editor editor(Authentication auth) {
		return CatalogConsoleController.editor(identity, directory, auth);
	}
}
