package io.otbroker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuditEventTypeTest {

    private static final Pattern CODE = Pattern.compile("OTB\\d{4}[IW]");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*)+");

    @Test
    void codesAreUnique() {
        assertUnique(AuditEventType::code);
    }

    @Test
    void eventNamesAreUnique() {
        assertUnique(AuditEventType::eventName);
    }

    @Test
    void codesFollowThePattern() {
        for (AuditEventType type : AuditEventType.values()) {
            assertTrue(CODE.matcher(type.code()).matches(), type + " has code " + type.code());
        }
    }

    @Test
    void eventNamesAreDottedLowerCase() {
        for (AuditEventType type : AuditEventType.values()) {
            assertTrue(NAME.matcher(type.eventName()).matches(), type + " has name " + type.eventName());
        }
    }

    @Test
    void codesFitTheDatabaseColumns() {
        for (AuditEventType type : AuditEventType.values()) {
            assertTrue(type.code().length() <= 16 && type.eventName().length() <= 64, type.name());
        }
    }

    private static void assertUnique(Function<AuditEventType, String> key) {
        Set<String> distinct = Arrays.stream(AuditEventType.values()).map(key).collect(Collectors.toSet());
        assertEquals(AuditEventType.values().length, distinct.size());
    }
}
