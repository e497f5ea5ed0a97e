package dev.storefront.democatalog;

import java.util.List;
import java.util.Map;
import net.datafaker.Faker;

/**
 * The departments of the demo catalog. Every facet a shopper reads (titles, publishers, breeds, fruits,
 * colours, materials, tyre codes, camera models, brands, ...) comes from datafaker; the only words written
 * here are the product types a department sells where datafaker has no such list (a "Body Lotion" or a
 * "Watering Can"), and the sentence frames that join the facets.
 *
 * <p>Prices are in whole units of the currency (log-uniform between the bounds), weights in grams.
 */
enum DemoCategory {

    ELECTRONICS("Electronics", "ELE", 10, 15, 1_500, 120, 6_000) {
        private static final List<String> TYPES = List.of("Laptop", "Tablet", "Monitor", "Bluetooth Speaker",
                "Wireless Headphones", "Smartwatch", "Webcam", "Power Bank", "Wi-Fi Router", "Soundbar");

        @Override String brand(Faker f) {
            return f.bool().bool() ? f.device().manufacturer() : f.computer().brand();
        }

        @Override String name(Faker f, String brand) {
            return brand + " " + pick(f, TYPES) + " " + model(f);
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("color", f.color().name());
            a.put("warranty", f.options().option("1 year", "2 years", "3 years"));
            optional(f, a, "platform", () -> f.computer().operatingSystem());
        }

        @Override String pitch(Faker f, String name) {
            return "Made for " + lower(f.hobby().activity()) + ", streaming and everything in between.";
        }
    },

    CAMERAS("Cameras & Photo", "CAM", 4, 60, 3_000, 150, 2_500) {
        @Override String brand(Faker f) {
            return f.camera().brand();
        }

        @Override String name(Faker f, String brand) {
            // Models belong to their maker: look for one of this brand, else fall back to a model code.
            String model = model(f);
            for (int attempt = 0; attempt < 30; attempt++) {
                String candidate = f.camera().brandWithModel();
                if (candidate.startsWith(brand + " ")) {
                    model = candidate.substring(brand.length() + 1);
                    break;
                }
            }
            return brand + " " + model + " with " + f.photography().lens() + " Lens";
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("lens", f.photography().lens());
            a.put("maxIso", f.photography().iso());
            optional(f, a, "color", () -> f.color().name());
        }

        @Override String pitch(Faker f, String name) {
            return "A dependable companion for " + lower(f.photography().genre()) + " photography.";
        }
    },

    BOOKS("Books", "BOO", 12, 5, 60, 120, 1_500) {
        @Override String brand(Faker f) {
            return f.book().publisher();
        }

        @Override String name(Faker f, String brand) {
            return f.book().title() + " (" + f.options().option("Hardcover", "Paperback", "Paperback",
                    "Large Print") + ")";
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("author", f.book().author());
            a.put("genre", f.book().genre());
            a.put("pages", Integer.toString(f.number().numberBetween(96, 960)));
        }

        @Override String pitch(Faker f, String name) {
            return "A " + lower(f.book().genre()) + " title readers come back to.";
        }
    },

    MUSIC("Musical Instruments", "MUS", 4, 20, 2_500, 150, 25_000) {
        @Override String name(Faker f, String brand) {
            return brand + " " + f.music().instrument() + " " + model(f);
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("finish", f.color().name());
            optional(f, a, "tuning", () -> f.music().key());
        }

        @Override String pitch(Faker f, String name) {
            return "Voiced for " + lower(f.music().genre()) + " players of every level.";
        }
    },

    APPLIANCES("Appliances", "APP", 6, 25, 1_800, 900, 60_000) {
        @Override String brand(Faker f) {
            return f.appliance().brand();
        }

        @Override String name(Faker f, String brand) {
            return brand + " " + f.appliance().equipment() + " " + model(f);
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("color", f.color().name());
            a.put("power", f.number().numberBetween(4, 40) * 50 + " W");
            optional(f, a, "room", () -> f.house().room());
        }
    },

    KITCHEN("Kitchen", "KIT", 7, 6, 250, 80, 5_000) {
        private static final List<String> TYPES = List.of("Knife", "Plate", "Bottle", "Skillet", "Saucepan",
                "Cutting Board", "Mixing Bowl", "Mug", "Serving Tray", "Utensil Set");

        @Override String name(Faker f, String brand) {
            return f.commerce().material() + " " + pick(f, TYPES) + " by " + brand;
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("material", f.construction().materials());
            a.put("color", f.color().name());
            optional(f, a, "dishwasherSafe", () -> f.options().option("yes", "no"));
        }

        @Override String pitch(Faker f, String name) {
            return "Handles everything from " + lower(f.food().dish()) + " to weeknight leftovers.";
        }
    },

    GARDEN("Garden", "GAR", 6, 3, 600, 30, 20_000) {
        private static final List<String> TOOLS = List.of("Planter", "Watering Can", "Trowel", "Hose Reel",
                "Garden Bench", "Raised Bed", "Pruning Shears", "Bird Feeder");

        @Override String name(Faker f, String brand) {
            return switch (f.number().numberBetween(0, 3)) {
                case 0 -> "Heirloom " + f.food().vegetable() + " Seeds, " + f.options().option(25, 50, 100) + " ct";
                case 1 -> f.food().fruit() + " Tree Sapling";
                default -> f.commerce().material() + " " + pick(f, TOOLS) + " " + model(f);
            };
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("color", f.color().name());
            optional(f, a, "material", () -> f.construction().materials());
        }
    },

    TOYS("Toys & Games", "TOY", 7, 8, 250, 60, 4_000) {
        @Override String brand(Faker f) {
            return f.boardgame().publisher();
        }

        @Override String name(Faker f, String brand) {
            return f.bool().bool()
                    ? f.boardgame().name()
                    : capitalize(f.color().name()) + " " + capitalize(f.animal().name()) + " Plush Toy";
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("age", f.number().numberBetween(3, 15) + "+");
            optional(f, a, "players", () -> "1-" + f.number().numberBetween(2, 9));
            optional(f, a, "theme", () -> f.boardgame().category());
        }

        @Override String pitch(Faker f, String name) {
            return "Built around " + lower(f.boardgame().mechanic()) + " for family game night.";
        }
    },

    SPORTS("Sports & Outdoors", "SPO", 7, 8, 800, 50, 25_000) {
        private static final List<String> GEAR = List.of("Gloves", "Bag", "Shirt", "Bottle", "Hat", "Shorts",
                "Training Kit", "Headband");

        @Override String brand(Faker f) {
            return f.brand().sport();
        }

        @Override String name(Faker f, String brand) {
            return brand + " " + f.olympicSport().summerOlympics() + " " + pick(f, GEAR) + " " + model(f);
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("color", f.color().name());
            a.put("size", f.garmentSize().size());
            optional(f, a, "material", () -> f.commerce().material());
        }
    },

    CLOTHING("Clothing", "CLO", 9, 8, 300, 80, 2_000) {
        private static final List<String> GARMENTS = List.of("Shirt", "Pants", "Coat", "Jacket", "Sweater",
                "Hoodie", "Dress", "Scarf", "Shorts", "Polo");
        private static final List<String> FABRICS = List.of("Cotton", "Linen", "Wool", "Silk", "Leather",
                "Denim", "Fleece");

        @Override String name(Faker f, String brand) {
            return brand + " " + f.commerce().productName().split(" ")[0] + " " + pick(f, FABRICS) + " "
                    + pick(f, GARMENTS);
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("size", f.garmentSize().size());
            a.put("color", f.color().name());
            optional(f, a, "fit", () -> f.options().option("regular", "slim", "relaxed"));
        }
    },

    SHOES("Shoes", "SHO", 5, 20, 350, 300, 2_500) {
        private static final List<String> TYPES = List.of("Running Shoes", "Sneakers", "Hiking Boots",
                "Sandals", "Loafers", "Trail Runners", "Slip-Ons");

        @Override String brand(Faker f) {
            return f.brand().sport();
        }

        @Override String name(Faker f, String brand) {
            return brand + " " + capitalize(f.color().name()) + " " + pick(f, TYPES) + " " + model(f);
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("size", "US " + f.number().numberBetween(5, 14) + (f.bool().bool() ? ".5" : ""));
            a.put("color", f.color().name());
            optional(f, a, "upper", () -> f.options().option("Leather", "Mesh", "Suede", "Canvas"));
        }
    },

    BEAUTY("Beauty", "BEA", 6, 4, 120, 40, 900) {
        private static final List<String> TYPES = List.of("Body Lotion", "Shampoo", "Conditioner", "Face Serum",
                "Hand Cream", "Lip Balm", "Body Wash", "Eau de Toilette", "Sheet Mask");

        @Override String name(Faker f, String brand) {
            return brand + " " + f.food().fruit() + " & " + f.food().spice() + " " + pick(f, TYPES);
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("volume", f.options().option(30, 50, 100, 250, 500) + " ml");
            optional(f, a, "skinType", () -> f.options().option("all", "dry", "oily", "sensitive"));
        }
    },

    GROCERY("Grocery", "GRO", 9, 1, 60, 40, 5_000) {
        @Override String name(Faker f, String brand) {
            return switch (f.number().numberBetween(0, 5)) {
                case 0 -> brand + " " + f.coffee().blendName() + " Whole Bean Coffee";
                case 1 -> brand + " " + f.tea().variety() + " " + f.tea().type() + " Tea";
                case 2 -> brand + " Organic " + f.food().ingredient();
                case 3 -> brand + " " + f.dessert().flavor() + " " + f.dessert().variety() + " Mix";
                default -> brand + " Ground " + f.food().spice();
            };
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("netWeight", f.options().option(100, 250, 340, 500, 1000) + " g");
            optional(f, a, "origin", () -> f.coffee().country());
            optional(f, a, "allergens", () -> f.food().allergen());
        }

        @Override String pitch(Faker f, String name) {
            return "Tasting notes: " + f.coffee().notes() + ".";
        }
    },

    HEALTH("Health", "HEA", 5, 4, 150, 60, 2_500) {
        private static final List<String> FORMS = List.of("Capsules", "Tablets", "Gummies", "Softgels");
        private static final List<String> DEVICES = List.of("Digital Thermometer", "Blood Pressure Monitor",
                "Pulse Oximeter", "Heating Pad", "Massage Gun");

        @Override String name(Faker f, String brand) {
            return f.bool().bool()
                    ? brand + " " + f.food().spice() + " Extract, " + f.options().option(60, 90, 120) + " "
                            + pick(f, FORMS)
                    : brand + " " + pick(f, DEVICES) + " " + model(f);
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("servings", Integer.toString(f.options().option(30, 60, 90)));
            optional(f, a, "allergens", () -> f.food().allergen());
        }
    },

    HOME("Home & Furniture", "HOM", 8, 15, 2_000, 400, 60_000) {
        @Override String name(Faker f, String brand) {
            return f.commerce().productName().split(" ")[0] + " " + f.commerce().material() + " "
                    + capitalize(f.house().furniture()) + " by " + brand;
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("room", f.house().room());
            a.put("color", f.color().name());
            optional(f, a, "upholstery", () -> f.vehicle().upholstery());
        }

        @Override String pitch(Faker f, String name) {
            return "Sized for the " + f.house().room() + " and built to last.";
        }
    },

    OFFICE("Office", "OFF", 5, 3, 700, 20, 25_000) {
        private static final List<String> TYPES = List.of("Chair", "Desk", "Lamp", "Keyboard", "Clock",
                "Notebook", "Desk Organizer", "Stapler", "Whiteboard");

        @Override String name(Faker f, String brand) {
            return f.commerce().productName().split(" ")[0] + " " + f.commerce().material() + " "
                    + pick(f, TYPES) + " " + model(f);
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("color", f.color().name());
            optional(f, a, "material", () -> f.commerce().material());
        }
    },

    PETS("Pet Supplies", "PET", 6, 4, 300, 50, 20_000) {
        private static final List<String> DOG = List.of("Dry Dog Food", "Dog Bed", "Chew Toy", "Harness",
                "Training Treats");
        private static final List<String> CAT = List.of("Wet Cat Food", "Cat Tree", "Scratching Post",
                "Litter Box", "Catnip Toy");

        @Override String name(Faker f, String brand) {
            return f.bool().bool()
                    ? brand + " " + f.food().ingredient() + " " + pick(f, DOG) + " for " + f.dog().breed() + "s"
                    : brand + " " + pick(f, CAT) + " for " + f.cat().breed() + " Cats";
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("petSize", f.dog().size());
            optional(f, a, "color", () -> f.color().name());
        }
    },

    AUTOMOTIVE("Automotive", "AUT", 5, 8, 900, 100, 15_000) {
        private static final List<String> PARTS = List.of("Floor Mats", "Seat Covers", "Wiper Blades",
                "Roof Rack", "Phone Mount", "Cabin Air Filter");

        @Override String name(Faker f, String brand) {
            return f.bool().bool()
                    ? brand + " All-Season Tire " + f.tire().code()
                    : brand + " " + pick(f, PARTS) + " for " + f.vehicle().makeAndModel();
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("vehicleType", f.tire().vehicleType());
            optional(f, a, "loadIndex", () -> f.tire().loadIndex());
            optional(f, a, "speedRating", () -> f.tire().speedrating());
        }
    },

    WATCHES("Watches & Jewelry", "WAT", 4, 30, 5_000, 20, 250) {
        @Override String brand(Faker f) {
            return f.brand().watch();
        }

        @Override String name(Faker f, String brand) {
            return brand + " " + f.commerce().productName().split(" ")[0] + " " + f.commerce().material()
                    + " Watch " + model(f);
        }

        @Override void attributes(Faker f, Map<String, String> a) {
            a.put("strap", f.commerce().material());
            a.put("waterResistance", f.options().option(30, 50, 100, 200) + " m");
            optional(f, a, "dialColor", () -> f.color().name());
        }
    };

    final String label;
    final String code;
    final int weight;
    final int minPrice;
    final int maxPrice;
    final int minGrams;
    final int maxGrams;

    DemoCategory(String label, String code, int weight, int minPrice, int maxPrice, int minGrams, int maxGrams) {
        this.label = label;
        this.code = code;
        this.weight = weight;
        this.minPrice = minPrice;
        this.maxPrice = maxPrice;
        this.minGrams = minGrams;
        this.maxGrams = maxGrams;
    }

    /** One candidate for this department's brand pool; by default an invented house brand. */
    String brand(Faker f) {
        String company = f.company().name();
        // "Kunze, Hahn and Bode" and "Kunze LLC" read as law firms; keep the first surname, or a double-barrel.
        return company.contains(",") || company.contains(" ") ? company.split("[ ,]")[0] : company;
    }

    abstract String name(Faker f, String brand);

    abstract void attributes(Faker f, Map<String, String> attributes);

    /** A department-specific sentence for the description. */
    String pitch(Faker f, String name) {
        return "Popular with shoppers into " + lower(f.hobby().activity()) + ".";
    }

    static String model(Faker f) {
        return f.bothify("??-###").toUpperCase(java.util.Locale.ROOT);
    }

    static <T> T pick(Faker f, List<T> values) {
        return values.get(f.random().nextInt(values.size()));
    }

    static void optional(Faker f, Map<String, String> a, String key, java.util.function.Supplier<String> value) {
        if (f.bool().bool()) {
            a.put(key, value.get());
        }
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}
