package tongban;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import tongban.casework.RevealPurpose;

/**
 * Issue 23 §2: personal data is never shown unmasked without a reveal record stating its purpose. Every handler that
 * reveals (a path ending in /reveal, or a request parameter named reveal) must call a {@code recordReveal} that takes
 * the purpose; the list of reveal paths is pinned here, so a new one fails this test until it is added with its record.
 * The records themselves are shown by CaseRecordsJourneyIT, HandlingJourneyIT and DataAccessJourneyIT.
 */
class RevealRecordsTest {

	private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("tongban");

	@Test
	void everyRevealPathRecordsTheRevealWithItsPurpose() {
		Map<String, JavaMethod> reveals = new TreeMap<>();
		for (JavaClass type : MAIN) {
			if (!type.isAnnotatedWith(Controller.class) && !type.isAnnotatedWith(RestController.class)) {
				continue;
			}
			for (JavaMethod method : type.getMethods()) {
				for (String path : paths(method)) {
					if (path.endsWith("/reveal")) {
						reveals.put(path, method);
					}
				}
				boolean revealParameter = method.getParameters()
					.stream()
					.filter(parameter -> parameter.isAnnotatedWith(RequestParam.class))
					.map(parameter -> parameter.getAnnotationOfType(RequestParam.class))
					.anyMatch(param -> param.name().equals("reveal") || param.value().equals("reveal"));
				if (revealParameter) {
					paths(method).forEach(path -> reveals.put(path + "?reveal", method));
				}
			}
		}
		assertThat(reveals.keySet()).containsExactly("/workbench/cases/{id}/reveal", "/workbench/exchange?reveal",
				"/workbench/tasks/{taskId}/reveal");
		List<String> unrecorded = new ArrayList<>();
		reveals.forEach((path, method) -> {
			boolean records = method.getMethodCallsFromSelf()
				.stream()
				.anyMatch(call -> call.getName().equals("recordReveal") && call.getTarget().getRawParameterTypes().size() >= 3);
			if (!records) {
				unrecorded.add(path + " " + method.getFullName());
			}
		});
		assertThat(unrecorded).as("reveal paths that show personal data without recording the reveal and its purpose").isEmpty();
	}

	/** A case's reveal takes one of the stated purposes, and nothing else: no purpose, no reveal. */
	@Test
	void aRevealPurposeIsOneOfTheStatedOnes() {
		assertThat(RevealPurpose.parse("CHECK_IDENTITY")).hasValue(RevealPurpose.CHECK_IDENTITY);
		assertThat(RevealPurpose.parse("")).isEmpty();
		assertThat(RevealPurpose.parse("check_identity")).isEmpty();
		assertThat(RevealPurpose.parse(null)).isEmpty();
		JavaClass cases = MAIN.get("tongban.casework.Cases");
		assertThat(cases.getMethods().stream().filter(method -> method.getName().equals("recordReveal")))
			.allSatisfy(method -> assertThat(method.getRawParameterTypes().stream().map(JavaClass::getName))
				.contains(RevealPurpose.class.getName()));
	}

	private static List<String> paths(JavaMethod method) {
		List<String> paths = new ArrayList<>();
		if (method.isAnnotatedWith(PostMapping.class)) {
			PostMapping mapping = method.getAnnotationOfType(PostMapping.class);
			Stream.concat(Stream.of(mapping.value()), Stream.of(mapping.path())).forEach(paths::add);
		}
		if (method.isAnnotatedWith(GetMapping.class)) {
			GetMapping mapping = method.getAnnotationOfType(GetMapping.class);
			Stream.concat(Stream.of(mapping.value()), Stream.of(mapping.path())).forEach(paths::add);
		}
		if (method.isAnnotatedWith(RequestMapping.class)) {
			RequestMapping mapping = method.getAnnotationOfType(RequestMapping.class);
			Stream.concat(Stream.of(mapping.value()), Stream.of(mapping.path())).forEach(paths::add);
		}
		return paths;
	}
}
