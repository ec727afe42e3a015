package dev.segue.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A batch endpoint that stores all entries or none: a problem with its entries says that nothing was recorded. */
@Documented
@Target(METHOD)
@Retention(RUNTIME)
public @interface AllOrNothing {}
