package org.casetrail.disclosures.relationship.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.casetrail.contracts.disclosures.CounterpartType;
import org.casetrail.disclosures.relationship.api.RelationshipBasis;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A student's or ex-student's date of birth is given (their age decides, P8), and basis OTHER says
 * what it is. Each violation is reported on its own field, so the 400 names it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CompleteRelationship.Validator.class)
@interface CompleteRelationship {

    String message() default "is incomplete";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CompleteRelationship, RelationshipRequest> {

        @Override
        public boolean isValid(RelationshipRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            boolean studentLike = request.counterpartType() == CounterpartType.STUDENT
                    || request.counterpartType() == CounterpartType.EX_STUDENT;
            if (studentLike && request.counterpartDateOfBirth() == null) {
                context.buildConstraintViolationWithTemplate("is required for a STUDENT or EX_STUDENT counterpart")
                        .addPropertyNode("counterpartDateOfBirth").addConstraintViolation();
                valid = false;
            }
            if (request.basis() == RelationshipBasis.OTHER
                    && (request.basisOther() == null || request.basisOther().isBlank())) {
                context.buildConstraintViolationWithTemplate("is required when basis is OTHER")
                        .addPropertyNode("basisOther").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
