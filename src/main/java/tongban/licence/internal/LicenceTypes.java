package tongban.licence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import tongban.licence.LicenceManagement;
import tongban.licence.LicenceType;

/**
 * The licence types shipped in data/licence/types.json, added at start when their code is missing (a type changed in
 * the console keeps its changes); a faulty one stops the start.
 */
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
			Set<String> present = new HashSet<>(licences.types().stream().map(LicenceType::code).toList());
			for (LicenceType t : json.readValue(in, TypeFile.class).types()) {
				if (present.contains(t.code())) {
					continue;
				}
				List<String> problems = licences.saveType(t);
				if (!problems.isEmpty()) {
					throw new IllegalStateException("data/licence/types.json: " + t.code() + " " + problems);
				}
			}
		}
	}
}
