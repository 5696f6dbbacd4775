package tongban.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/** JPA: a text attribute stored as its AES-GCM ciphertext under the platform's data keys. */
@Component
@Converter
public class EncryptedText implements AttributeConverter<String, String> {

	private final DataKeys keys;

	public EncryptedText(DataKeys keys) {
		this.keys = keys;
	}

	@Override
	public String convertToDatabaseColumn(String attribute) {
		return keys.encrypt(attribute);
	}

	@Override
	public String convertToEntityAttribute(String column) {
		return keys.decrypt(column);
	}
}
