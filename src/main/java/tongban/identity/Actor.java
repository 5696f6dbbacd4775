package tongban.identity;

import java.util.UUID;

/**
 * Who acts (the signed-in account) and for whom (the party), within what (the scope of the proxy's or agent's grant;
 * {@link GrantScope#FULL} for oneself). Every recorded action carries both; what the scope does not cover is "not found".
 */
public record Actor(UUID accountId, String accountName, Party party, GrantScope scope) {

	public Actor {
		scope = scope == null ? GrantScope.FULL : scope;
	}

	/** An actor with every right over the party: oneself, or a legal representative. */
	public Actor(UUID accountId, String accountName, Party party) {
		this(accountId, accountName, party, GrantScope.FULL);
	}

	public boolean actingForSelf() {
		return party.kind() == Party.Kind.CITIZEN && party.id().equals(accountId);
	}

	/** Whether the actor may see and act on the party's cases of this item. */
	public boolean covers(String itemName) {
		return scope.covers(itemName);
	}
}
