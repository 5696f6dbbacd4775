package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The words the task page and the API send, and the BPMN templates read, are the enums' words: every user task of a
 * shipped template is a {@link ProcessStep}, every decision a gateway tests is a {@link TaskDecision}, and each word
 * names exactly one constant (an unknown word names none).
 */
class ProcessWordsTest {

	private static Set<String> found(Pattern pattern) throws IOException {
		Set<String> out = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn20.xml")).toList()) {
				Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					out.add(m.group(1));
				}
			}
		}
		return out;
	}

	@Test
	void everyUserTaskOfTheTemplatesIsAStep() throws IOException {
		Set<String> tasks = found(Pattern.compile("<userTask id=\"(\\w+)\""));
		assertThat(tasks).isNotEmpty().allSatisfy(task -> assertThat(ProcessStep.of(task)).as(task).isPresent());
		assertThat(ProcessStep.KNOWN).containsExactlyInAnyOrderElementsOf(tasks);
	}

	@Test
	void everyDecisionAGatewayTestsIsATaskDecision() throws IOException {
		Set<String> decisions = found(Pattern.compile("decision == '(\\w+)'"));
		assertThat(decisions).isNotEmpty().allSatisfy(word -> assertThat(TaskDecision.of(word)).as(word).isPresent());
	}

	@Test
	void eachWordNamesOneConstantAndAnUnknownOneNone() {
		Arrays.stream(ProcessStep.values()).forEach(s -> assertThat(ProcessStep.of(s.key())).contains(s));
		Arrays.stream(TaskDecision.values()).forEach(d -> assertThat(TaskDecision.of(d.word())).contains(d));
		Arrays.stream(ClockAction.values()).forEach(a -> assertThat(ClockAction.of(a.word())).contains(a));
		assertThat(TaskDecision.of("approved")).isEmpty();
		assertThat(TaskDecision.of(null)).isEmpty();
		assertThat(TaskDecision.of("APPROVE")).as("the form's words are lower case").isEmpty();
		assertThat(ProcessStep.of("start")).isEmpty();
		assertThat(ClockAction.of("pause")).isEmpty();
	}
}
