package tongban.catalog;

import java.util.List;

/**
 * The policies that govern an item, for its guide page's 相关政策: the module that publishes policies implements this
 * (the catalogue owns the port, as with {@link CapabilityProvider}), so the catalogue does not depend on it. Without an
 * implementation a guide shows no 相关政策.
 */
public interface RelatedPolicies {

	/**
	 * One policy: its title, public page, 文号 (may be empty), whether it is in force, and the message key of its validity
	 * label (有效, 已废止, 已失效, 已修订).
	 */
	record RelatedPolicy(String title, String path, String docNumber, boolean inForce, String validityKey) {
	}

	/** The public policies governing the item: those in force first. */
	List<RelatedPolicy> governing(String itemCode);

	/** Changes whenever the answer of {@link #governing} may have changed: cached guide pages older than it are stale. */
	long version();
}
