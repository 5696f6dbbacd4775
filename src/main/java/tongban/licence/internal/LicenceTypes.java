package tongban.licence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tongban.licence.LicenceManagement;
import tongban.licence.LicenceType;
import tools.jackson.databind.json.JsonMapper;

/** The licence types shipped in data/licence/types.json, saved (or updated) at every start; a faulty one stops it. */
@Component
@Order(46)
class LicenceTypes implements ApplicationRunner {

	record TypeFile(String source, List<LicenceType> types) {
	}

	private final LicenceManagement licences;
	private final JsonMapper json;

	LicenceTypes(LicenceManagement licences, JsonMapper json) {
		this.licences = licences;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		try (InputStream in = new ClassPathResource("data/licence/types.json").getInputStream()) {
			for (LicenceType t : json.readValue(in, TypeFile.class).types()) {
				List<String> problems = licences.saveType(t);
				if (!problems.isEmpty()) {
					throw new IllegalStateException("data/licence/types.json: " + t.code() + " " + problems);
				}
			}
		}
	}
}
