package tongban.identity;

import java.util.UUID;

/** Who acts (the signed-in account) and for whom (the party). Every recorded action carries both. */
public record Actor(UUID accountId, String accountName, Party party) {

	public boolean actingForSelf() {
		return party.kind() == Party.Kind.CITIZEN && party.id().equals(accountId);
	}
}
