package org.privatedomain.cdp.core;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a write in its own transaction and runs it again, whole, when PostgreSQL picked it as a deadlock victim
 * (possible when concurrent records merge overlapping members), or when a concurrent bulk load attached an
 * identity this write was about to attach (a bulk load takes no lock on identities nobody holds yet): the next
 * attempt finds it held. A retried write never half-applies: the failed attempt rolled back entirely.
 */
@Component
public class WriteTransactions {

    private static final int ATTEMPTS = 3;

    private final TransactionTemplate transaction;

    WriteTransactions(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    public <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            } catch (PessimisticLockingFailureException | DuplicateKeyException race) {
                if (attempt == ATTEMPTS) {
                    throw race;
                }
            }
        }
    }
}
