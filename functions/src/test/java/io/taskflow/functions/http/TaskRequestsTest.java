package io.taskflow.functions.http;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.taskflow.core.task.Patch;
import io.taskflow.core.task.Priority;
import io.taskflow.core.task.RecurrenceRule;
import io.taskflow.core.task.TaskChanges;
import io.taskflow.core.task.TaskDetails;
import io.taskflow.core.task.TaskStatus;
import io.taskflow.functions.testing.TestContexts;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Uses the JSON mapper of a started context: refusing unknown create properties depends on the serde setting that
 * {@code taskflow-defaults.yml} supplies, which a context-free mapper does not have.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskRequestsTest {
    private ApplicationContext context;
    private TaskRequests requests;

    @BeforeAll
    void startContext() {
        context = TestContexts.start();
        requests = new TaskRequests(context.getBean(JsonMapper.class));
    }

    @AfterAll
    void stopContext() {
        if (context != null) {
            context.close();
        }
    }

    // ---- IfMatch ----

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "3"          | 3
            W/"3"        | 3
            "0"          | 0
            "9223372036854775807" | 9223372036854775807
            """)
    void givenAnIfMatchEntityTag_whenParsed_thenTheVersionItNamesIsReturned(String header, long version) {
        assertThat(TaskRequests.expectedVersion(header)).isEqualTo(version);
    }

    @Test
    void givenAnIfMatchEntityTagWithSurroundingWhitespace_whenParsed_thenTheWhitespaceIsIgnored() {
        assertThat(TaskRequests.expectedVersion("  \"12\" ")).isEqualTo(12L);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullSource
    @ValueSource(strings = {"*", " * ", "", "   "})
    void givenNoIfMatchOrAWildcard_whenParsed_thenNoVersionIsExpected(String header) {
        assertThat(TaskRequests.expectedVersion(header)).isNull();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"3", "\"\"", "\"", "\"abc\"", "W/3", "\"3", "3\"", "W/\"\"", "\"3.0\"", "\"3\", \"4\""})
    void givenAnIfMatchThatIsNotAnEntityTagOfThisApi_whenParsed_thenItIsRefusedNamingTheHeader(String header) {
        assertInvalidInput("If-Match", () -> TaskRequests.expectedVersion(header));
    }

    @Test
    void givenAVersion_whenFormattedAsAnEntityTag_thenItParsesBackToTheSameVersion() {
        assertThat(TaskRequests.etag(41)).isEqualTo("\"41\"");
        assertThat(TaskRequests.expectedVersion(TaskRequests.etag(41))).isEqualTo(41L);
    }

    // ---- Id ----

    @Test
    void givenAPathIdThatIsACanonicalUuid_whenParsed_thenItIsReturned() {
        assertThat(TaskRequests.id("7c9e6679-7425-40de-944b-e07fc1f90ae7"))
                .isEqualTo(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
    }

    @Test
    void givenAPathIdThatIsAnUpperCaseUuid_whenParsed_thenItIsTheSameId() {
        assertThat(TaskRequests.id("7C9E6679-7425-40DE-944B-E07FC1F90AE7"))
                .isEqualTo(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "1-1-1-1-1",
                "7c9e6679-7425-40de-944b-e07fc1f90ae",
                "7c9e6679-7425-40de-944b-e07fc1f90ae77",
                "7c9e66797425-40de-944b-e07fc1f90ae7",
                ""
            })
    void givenAPathIdOfTheWrongLength_whenParsed_thenItIsRefusedNamingTheId(String id) {
        assertInvalidInput("id", () -> TaskRequests.id(id));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
                "7c9e6679x7425x40dex944bxe07fc1f90ae7",
                "not-a-uuid-but-thirty-six-chars-xxx"
            })
    void givenAPathIdThatIsGarbage_whenParsed_thenItIsRefusedNamingTheId(String id) {
        assertInvalidInput("id", () -> TaskRequests.id(id));
    }

    // ---- CreateBody ----

    @Test
    void givenACreateBodyWithOnlyATitle_whenRead_thenTheDetailsTakeTheDefaults() {
        TaskDetails details = requests.details("{\"title\": \"  Buy milk \"}");

        assertThat(details.title()).isEqualTo("Buy milk");
        assertThat(details.description()).isNull();
        assertThat(details.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(details.dueAt()).isNull();
        assertThat(details.remindAt()).isNull();
        assertThat(details.tags()).isEmpty();
        assertThat(details.recurrence()).isNull();
    }

    @Test
    void givenACreateBodyWithEveryProperty_whenRead_thenEachIsCarriedIntoTheDetails() {
        TaskDetails details = requests.details("""
                {"title": "Report", "description": "Q1 numbers", "priority": "URGENT",
                 "dueAt": "2030-01-31T09:00:00Z", "remindAt": "2030-01-30T09:00:00Z",
                 "tags": ["work", "q1", "work"], "recurrence": "FREQ=WEEKLY;INTERVAL=2"}
                """);

        assertThat(details)
                .isEqualTo(new TaskDetails(
                        "Report",
                        "Q1 numbers",
                        Priority.URGENT,
                        Instant.parse("2030-01-31T09:00:00Z"),
                        Instant.parse("2030-01-30T09:00:00Z"),
                        List.of("work", "q1"),
                        RecurrenceRule.parse("FREQ=WEEKLY;INTERVAL=2")));
    }

    @Test
    void givenACreateBodyWithExplicitNullsForOptionalProperties_whenRead_thenTheyMeanAbsent() {
        TaskDetails details = requests.details("""
                {"title": "Report", "description": null, "priority": null, "dueAt": null,
                 "remindAt": null, "tags": null, "recurrence": null}
                """);

        assertThat(details).isEqualTo(new TaskDetails("Report", null, null, null, null, null, null));
    }

    @Test
    void givenACreateBodyWithAnUnknownProperty_whenRead_thenTheBodyIsRefusedAsMalformed() {
        assertThatThrownBy(() -> requests.details("{\"title\": \"Report\", \"owner\": \"someone-else\"}"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("owner");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "{", "{\"title\": }", "not json", "[]", "null"})
    void givenACreateBodyThatIsNotAJsonObject_whenRead_thenItIsRefusedAsMalformed(String body) {
        assertThatThrownBy(() -> requests.details(body)).isInstanceOf(MalformedBodyException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            title      | {"description": "no title"}
            title      | {"title": "   "}
            priority   | {"title": "t", "priority": "high"}
            dueAt      | {"title": "t", "dueAt": "tomorrow"}
            remindAt   | {"title": "t", "remindAt": "2030-01-31"}
            recurrence | {"title": "t", "recurrence": "FREQ=HOURLY"}
            recurrence | {"title": "t", "recurrence": "FREQ=MONTHLY;BYDAY=MO"}
            recurrence | {"title": "t", "recurrence": "FREQ=DAILY;COUNT=2;UNTIL=20301231"}
            tags       | {"title": "t", "tags": ["has space"]}
            """)
    void givenACreatePropertyThatBreaksADomainRule_whenRead_thenItIsRefusedNamingTheProperty(
            String field, String body) {
        assertInvalidInput(field, () -> requests.details(body));
    }

    // ---- MergePatch ----

    @Test
    void givenAnEmptyMergePatch_whenRead_thenEveryFieldIsKept() {
        assertThat(requests.changes("{}")).isEqualTo(TaskChanges.none());
    }

    @Test
    void givenAMergePatchWithValues_whenRead_thenEachNamedFieldIsSetAndTheOthersKept() {
        TaskChanges changes = requests.changes("""
                {"title": "New title", "priority": "LOW", "status": "IN_PROGRESS",
                 "dueAt": "2030-01-31T09:00:00Z", "tags": ["a", "b"], "recurrence": "FREQ=DAILY"}
                """);

        assertThat(changes.title()).isEqualTo(Patch.set("New title"));
        assertThat(changes.priority()).isEqualTo(Patch.set(Priority.LOW));
        assertThat(changes.status()).isEqualTo(Patch.set(TaskStatus.IN_PROGRESS));
        assertThat(changes.dueAt()).isEqualTo(Patch.set(Instant.parse("2030-01-31T09:00:00Z")));
        assertThat(changes.tags()).isEqualTo(Patch.set(List.of("a", "b")));
        assertThat(changes.recurrence()).isEqualTo(Patch.set(RecurrenceRule.parse("FREQ=DAILY")));
        assertThat(changes.description()).isEqualTo(Patch.keep());
        assertThat(changes.remindAt()).isEqualTo(Patch.keep());
    }

    @Test
    void givenAMergePatchWithNulls_whenRead_thenTheNamedFieldsAreClearedAndTheOthersKept() {
        TaskChanges changes = requests.changes(
                "{\"description\": null, \"dueAt\": null, \"remindAt\": null, \"tags\": null, \"recurrence\": null}");

        assertThat(changes.description()).isEqualTo(Patch.clear());
        assertThat(changes.dueAt()).isEqualTo(Patch.clear());
        assertThat(changes.remindAt()).isEqualTo(Patch.clear());
        assertThat(changes.tags()).isEqualTo(Patch.clear());
        assertThat(changes.recurrence()).isEqualTo(Patch.clear());
        assertThat(changes.title()).isEqualTo(Patch.keep());
        assertThat(changes.priority()).isEqualTo(Patch.keep());
        assertThat(changes.status()).isEqualTo(Patch.keep());
    }

    @Test
    void givenAMergePatchWithAnEmptyTagList_whenRead_thenTheTagsAreSetToEmptyNotCleared() {
        assertThat(requests.changes("{\"tags\": []}").tags()).isEqualTo(Patch.set(List.of()));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"{\"id\": \"x\"}", "{\"version\": 3}", "{\"title\": \"t\", \"ownerId\": null}"})
    void givenAKeyThatIsNotPatchable_whenRead_thenTheBodyIsRefusedAsMalformedNamingIt(String body) {
        assertThatThrownBy(() -> requests.changes(body))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("Unknown property");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"[]", "[{\"title\": \"t\"}]", "\"title\"", "42", "null", "", "{", "not json"})
    void givenAPatchBodyThatIsNotAJsonObject_whenRead_thenItIsRefusedAsMalformed(String body) {
        assertThatThrownBy(() -> requests.changes(body)).isInstanceOf(MalformedBodyException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            title       | {"title": 5}
            title       | {"title": null}
            description | {"description": true}
            priority    | {"priority": 1}
            priority    | {"priority": "high"}
            priority    | {"priority": null}
            status      | {"status": ["OPEN"]}
            status      | {"status": "DONE"}
            status      | {"status": "COMPLETED"}
            status      | {"status": null}
            dueAt       | {"dueAt": 1767225600}
            dueAt       | {"dueAt": "next week"}
            remindAt    | {"remindAt": {}}
            tags        | {"tags": "work"}
            tags        | {"tags": ["work", 7]}
            tags        | {"tags": [null]}
            recurrence  | {"recurrence": 3}
            recurrence  | {"recurrence": "FREQ=SECONDLY"}
            recurrence  | {"recurrence": "FREQ=WEEKLY;BYDAY=XX"}
            """)
    void givenAPatchValueOfTheWrongTypeOrOutOfItsDomain_whenRead_thenItIsRefusedNamingTheField(
            String field, String body) {
        assertInvalidInput(field, () -> requests.changes(body));
    }
}
