package io.otbroker.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantWindowTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-03-02T11:00:00Z");

    @Test
    void approvedBeforeTheStartKeepsTheRequestedWindow() {
        GrantWindow window = GrantWindow.afterApproval(NINE.minusSeconds(3600), NINE, ELEVEN, Optional.empty())
                .orElseThrow();

        assertEquals(new GrantWindow(NINE, ELEVEN), window);
    }

    @Test
    void aRequestThatWaitedInTheQueueKeepsItsFullDuration() {
        Instant approvedAt = NINE.plusSeconds(45 * 60);

        GrantWindow window = GrantWindow.afterApproval(approvedAt, NINE, ELEVEN, Optional.empty()).orElseThrow();

        assertEquals(new GrantWindow(approvedAt, approvedAt.plusSeconds(2 * 3600)), window);
    }

    @Test
    void aShortenedEndShortens() {
        Instant shortened = NINE.plusSeconds(1800);

        assertEquals(new GrantWindow(NINE, shortened),
                GrantWindow.afterApproval(NINE, NINE, ELEVEN, Optional.of(shortened)).orElseThrow());
    }

    @Test
    void aShortenedEndNeverExtends() {
        Instant later = ELEVEN.plusSeconds(3600);

        assertEquals(new GrantWindow(NINE, ELEVEN),
                GrantWindow.afterApproval(NINE, NINE, ELEVEN, Optional.of(later)).orElseThrow());
    }

    @Test
    void aShortenedEndThatHasPassedLeavesNoGrant() {
        Instant approvedAt = NINE.plusSeconds(3600);

        assertTrue(GrantWindow.afterApproval(approvedAt, NINE, ELEVEN, Optional.of(approvedAt)).isEmpty());
        assertTrue(GrantWindow.afterApproval(approvedAt, NINE, ELEVEN, Optional.of(NINE.plusSeconds(60))).isEmpty());
    }
}
