package org.lscb.registry.account;

import java.util.List;
import java.util.Optional;

/** Accounts by id and by username. */
public interface AccountRepository {

    Optional<Account> byId(String id);

    Optional<Account> byUsername(Username username);

    List<Account> page(int offset, int limit);

    long count();

    void add(Account account);
}
