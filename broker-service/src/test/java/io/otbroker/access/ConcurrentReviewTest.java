package io.otbroker.access;

import static io.otbroker.access.AccessFixtures.REQUESTS;
import static io.otbroker.access.AccessFixtures.path;
import static io.otbroker.access.AccessFixtures.plant;
import static io.otbroker.access.AccessFixtures.request;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.otbroker.testsupport.AccessChecks;
import io.otbroker.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * However many operators click "approve" at once, a request becomes a grant exactly once, every
 * operator counts once, and the audit log shows each approval that counted (run on H2 and PostgreSQL).
 */
@QuarkusTest
class ConcurrentReviewTest {

    @Inject
    RecordedAccessChanges changes;

    @Test
    void twoOperatorsApproveAnSl3RequestAtOnce() throws Exception {
        long id = request("alice", plant("SL3"));

        Map<Integer, Integer> statuses = approveAtOnce(id, List.of("oscar", "olivia"));

        assertEquals(Map.of(200, 2), statuses);
        assertGrantedOnce(id, 2);
    }

    @Test
    void twentyOperatorsApproveAnSl3RequestAtOnce() throws Exception {
        long id = request("alice", plant("SL3"));
        List<String> operators = new ArrayList<>(List.of("oscar", "olivia"));
        IntStream.rangeClosed(3, 20).mapToObj(n -> String.format("operator%02d", n)).forEach(operators::add);

        Map<Integer, Integer> statuses = approveAtOnce(id, operators);

        assertEquals(Map.of(200, 2, 409, 18), statuses, "two approvals count, the others find it approved");
        assertGrantedOnce(id, 2);
    }

    @Test
    void twentyOperatorsApproveAnSl2RequestAtOnce() throws Exception {
        long id = request("alice", plant("SL2"));
        List<String> operators = IntStream.rangeClosed(3, 20).mapToObj(n -> String.format("operator%02d", n))
                .toList();

        Map<Integer, Integer> statuses = approveAtOnce(id, operators);

        assertEquals(Map.of(200, 1, 409, 17), statuses);
        assertGrantedOnce(id, 1);
    }

    @Test
    void oneOperatorClickingFiveTimesCountsOnce() throws Exception {
        long id = request("alice", plant("SL4"));

        Map<Integer, Integer> statuses = approveAtOnce(id, List.of("oscar", "oscar", "oscar", "oscar", "oscar"));

        assertEquals(Map.of(200, 1, 409, 4), statuses);
        AccessChecks.as("oscar").get(REQUESTS + "/" + id).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("approvals.size()", org.hamcrest.Matchers.equalTo(1));
        assertEquals(1, AuditTrail.of(AuditTrail.request(id), "access.approve").size());
        assertEquals(1, approvalRows(id));
    }

    /** Fires one approval per entry, all released at the same moment; returns how many got which status. */
    private static Map<Integer, Integer> approveAtOnce(long id, List<String> operators) throws Exception {
        List<String> tokens = operators.stream().map(Tokens::of).toList();
        CyclicBarrier start = new CyclicBarrier(operators.size());
        ExecutorService pool = Executors.newFixedThreadPool(operators.size());
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (String token : tokens) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON).post(path(id, "approve")).statusCode();
                }));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> call : calls) {
                statuses.merge(call.get(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertGrantedOnce(long id, int approvals) throws InterruptedException {
        changes.await(id, AccessState.APPROVED);
        assertEquals(1, changes.of(id).stream().filter(change -> change.current() == AccessState.APPROVED).count(),
                "exactly one transition into APPROVED");
        List<AuditTrail.Entry> approved = AuditTrail.of(AuditTrail.request(id), "access.approve");
        assertEquals(approvals, approved.size());
        assertEquals(approvals, approved.stream().map(AuditTrail.Entry::actor).distinct().count(),
                "one audit event per distinct operator");
        assertEquals(approvals, approvalRows(id));
        assertEquals(1, AuditTrail.of(AuditTrail.request(id), "grant.activate").size(), "one grant");
    }

    private static long approvalRows(long id) {
        return QuarkusTransaction.requiringNew().call(() -> AccessApproval.count("request.id", id));
    }
}
