package tongban.casework.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tongban.catalog.Capability;
import tongban.catalog.CapabilityProvider;
import tongban.catalog.FormDefinition;
import tongban.catalog.ServiceGuide;

/**
 * Casework delivers a result by post where the applicant can ask for it: the item's application form offers a choice
 * with a mailing option (免费邮寄) and asks for the address to mail to, which the case keeps and the 送达 step uses.
 * Items whose form has no such choice cannot be delivered by post through the platform, whatever their guide says.
 */
@Component
class PostalDelivery implements CapabilityProvider {

	static final String MAIL = "邮寄";

	@Override
	public Capability capability() {
		return Capability.DELIVERY;
	}

	@Override
	public boolean provides(ServiceGuide guide) {
		List<FormDefinition.Field> fields = guide.applicationForm().fields();
		return fields.stream()
			.filter(f -> f.type() == FormDefinition.FieldType.SELECT)
			.filter(f -> f.options().stream().anyMatch(o -> o.contains(MAIL)))
			.anyMatch(choice -> fields.stream().anyMatch(f -> f.type() == FormDefinition.FieldType.ADDRESS && f.showIf() != null
					&& choice.key().equals(f.showIf().field()) && f.showIf().values().stream().anyMatch(v -> v.contains(MAIL))));
	}

	/** The public page on how mailing works for the item (hall's delivery page): its path only, no dependency on hall. */
	@Override
	public Optional<String> page(ServiceGuide guide) {
		return Optional.of("/hall/delivery/items/" + guide.code());
	}
}
