package org.lscb.library;

import java.util.Optional;

/**
 * The fixed typology a published report is filed under, so that boards' reports can be found together [11]. The
 * reference is the NSPCC national case review repository, which files boards' published reviews under themes
 * like these; each theme has a stable code for the API and the library's links, and a label for people.
 */
public enum Theme implements Coded {
    NEGLECT("neglect", "Neglect"),
    PHYSICAL_ABUSE("physical-abuse", "Physical abuse"),
    SEXUAL_ABUSE("sexual-abuse", "Sexual abuse"),
    EMOTIONAL_ABUSE("emotional-abuse", "Emotional abuse"),
    DOMESTIC_ABUSE("domestic-abuse", "Domestic abuse"),
    PARENTAL_MENTAL_HEALTH("parental-mental-health", "Parental mental health"),
    PARENTAL_SUBSTANCE_MISUSE("parental-substance-misuse", "Parental substance misuse"),
    PARENTS_WITH_LEARNING_DISABILITIES("parents-with-learning-disabilities", "Parents with learning disabilities"),
    SUDI("sudi", "Sudden unexpected death in infancy"),
    ABUSIVE_HEAD_TRAUMA("abusive-head-trauma", "Abusive head trauma"),
    ADOLESCENTS("adolescents", "Adolescents"),
    CHILD_SEXUAL_EXPLOITATION("child-sexual-exploitation", "Child sexual exploitation"),
    CHILD_CRIMINAL_EXPLOITATION("child-criminal-exploitation", "Child criminal exploitation and gangs"),
    ONLINE_ABUSE("online-abuse", "Online abuse"),
    BULLYING("bullying", "Bullying"),
    SUICIDE_AND_SELF_HARM("suicide-and-self-harm", "Suicide and self-harm"),
    DISABLED_CHILDREN("disabled-children", "Deaf and disabled children"),
    LOOKED_AFTER_CHILDREN("looked-after-children", "Looked after children"),
    PRIVATE_FOSTERING("private-fostering", "Private fostering"),
    YOUNG_CARERS("young-carers", "Young carers"),
    CULTURE_AND_FAITH("culture-and-faith", "Culture, faith and belief"),
    FABRICATED_OR_INDUCED_ILLNESS("fabricated-or-induced-illness", "Fabricated or induced illness"),
    FEMALE_GENITAL_MUTILATION("female-genital-mutilation", "Female genital mutilation"),
    TRAFFICKING("trafficking", "Child trafficking"),
    RADICALISATION("radicalisation", "Radicalisation"),
    ORGANISED_ABUSE("organised-abuse", "Organised and institutional abuse"),
    UNBORN_AND_INFANTS("unborn-and-infants", "Unborn babies and infants");

    private final String code;
    private final String label;

    Theme(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<Theme> ofCode(String code) {
        return Coded.ofCode(Theme.class, code);
    }
}
