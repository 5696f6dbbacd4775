package tongban.proactive.enterprise;

import java.util.UUID;

/** A department saved a policy (new or changed): its companies are matched again once the save has committed. */
public record EnterprisePolicySaved(UUID policyId, String code) {
}
