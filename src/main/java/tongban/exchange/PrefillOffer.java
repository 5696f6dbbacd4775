package tongban.exchange;

import java.util.Map;

/**
 * What the government holds for a form (data/exchange/prefill.json): the item's form fields and the resource fields
 * they come from, offered when the item's department holds a grant in force for all of them.
 */
public record PrefillOffer(String itemCode, String resourceCode, String source, String providerName, String resourceName,
		String consumerDepartmentCode, Map<String, String> fields) {
}
