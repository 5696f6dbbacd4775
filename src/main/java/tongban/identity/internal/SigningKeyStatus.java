package tongban.identity.internal;

import tongban.shared.StateGraph;

/**
 * Where an OIDC signing key stands in a rotation (ADR 0045): PUBLISHED in the JWKS (verifies tokens, signs none), the
 * one SIGNING key, then RETIRED (gone from the JWKS, its tokens no longer verify). A new key is published first, so that
 * relying parties have fetched it before it signs; the key it replaces goes back to PUBLISHED until the tokens it signed
 * have expired.
 */
public enum SigningKeyStatus {

	PUBLISHED, SIGNING, RETIRED;

	public static final StateGraph<SigningKeyStatus> GRAPH = StateGraph.of(SigningKeyStatus.class)
		.edge(PUBLISHED, SIGNING, "SigningKeyActivated")
		.edge(SIGNING, PUBLISHED, "SigningKeySuperseded")
		.edge(PUBLISHED, RETIRED, "SigningKeyRetired")
		.build("signing-key.status");
}
