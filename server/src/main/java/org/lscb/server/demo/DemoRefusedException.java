package org.lscb.server.demo;

/** Demo mode asked for where it must not run. */
public class DemoRefusedException extends RuntimeException {

    public DemoRefusedException(String message) {
        super(message);
    }
}
