namespace ContrastivePipeline.Corpus;

/// <summary>
/// The words of the built-in corpus. Lists are space-separated; "_" joins a phrase ("teddy_bear"); irregular forms
/// are "base:form". Regular plurals and verb forms are derived by <see cref="English"/>.
/// </summary>
internal static class TinyWorldLexicon
{
    public static readonly string[] Girls = W("""
        Mia Lily Emma Ava Sophie Zoe Lucy Anna Ella Grace Ruby Chloe Hannah Sara Nora Alice Ivy Rose Maya Julia Leah
        Clara Stella Hazel Violet Eva Isla Molly Daisy Poppy Amy Kate Jenny Beth Tess Nina Lena Rita Jade Sofia
        Olivia Amelia Harper Luna Aria Layla Penny Elsie Freya Willow Ada Iris Maisie Holly Bella Cora Ellie Kitty
        Josie Lola Millie Nell Phoebe Rosie Sadie Tilly Wendy Abby Carla Dora Edith Fiona Gina Heidi Ingrid Joy Kira
        Lara Mabel Nadia Opal Pearl Queenie Rhea Sally Tara Una Vera Wren Yara Zara Greta Maria Lisa
        Alma Bea Cleo Dina Esme Flora Gemma Hope Ines June Kim Lottie Mina Orla Pia Rosa Sky Thea Uma Vida Winnie
        Agnes Bonnie Celia Delia Elena Faye Gwen Hattie Imogen Jess Keira Libby Martha Naomi Olive Priya Ruth Susie Tilda Ursula Xena Yvonne
        """);

    public static readonly string[] Boys = W("""
        Tom Max Ben Leo Sam Jack Noah Oliver Finn Jake Luke Owen Ryan Adam Theo Eli Oscar Henry Alex Dan Liam Ethan
        Lucas Mason Logan James Arthur Felix Hugo Jasper Milo Otto Rory Toby Ollie Alfie Archie Billy Charlie Eddie
        Frankie George Harry Isaac Joe Kai Louis Miles Ned Pete Ray Seth Ted Victor Will Zack Abe Bob Carl Dave Evan
        Fred Gus Hank Ian Jim Kevin Leon Mark Nick Oswald Paul Quinn Rex Simon Tim Ulric Vince Wes Xavier Yusuf Zane
        Omar Ravi Kofi Pablo Marco Ivan Hiro Tariq Bruno Dylan
        Amos Basil Cyrus Dex Emil Flynn Gil Huck Ike Jonah Kit Lars Monty Nico Ozzie Percy Reggie Sid Tobias Vic Walt
        Alvin Barney Cedric Duncan Elliot Fergus Gordon Harvey Jerome Kenny Lionel Murray Neville Orson Philip Roland Stanley Terry Wilbur Yuri
        """);

    public static readonly string[] Relatives = W("mom dad grandma grandpa sister brother aunt uncle cousin friend neighbor teacher");

    /// <summary>Animal kinds with what is true of the whole kind (home, legs, covering, how they move, what they eat).</summary>
    public static readonly (string Kind, string Home, int Legs, string Covering, string Move, string Food, string[] Members)[] Animals =
    [
        ("animal", "on a farm", 4, "hair", "walk", "grass and hay", W("cow pig sheep goat horse donkey ox bull lamb pony llama alpaca calf mule yak piglet foal")),
        ("bird", "on a farm", 2, "feathers", "walk", "seeds and corn", W("hen rooster duck goose turkey chick")),
        ("pet", "in a house", 4, "fur", "run", "food from a bowl", W("cat dog puppy kitten rabbit hamster guinea_pig mouse rat gerbil ferret bunny")),
        ("bird", "in the trees", 2, "feathers", "fly", "seeds and worms", W("owl robin sparrow crow eagle hawk pigeon swan parrot seagull woodpecker blackbird finch peacock flamingo stork heron pelican toucan wren falcon magpie starling swallow canary kingfisher hummingbird")),
        ("animal", "in the forest", 4, "fur", "run", "nuts and berries", W("fox wolf bear deer squirrel badger hedgehog moose raccoon skunk beaver boar chipmunk porcupine mole weasel lynx elk bobcat stoat")),
        ("animal", "in the jungle", 4, "fur", "climb", "fruit and leaves", W("monkey gorilla tiger leopard panther chimpanzee jaguar sloth lemur orangutan")),
        ("animal", "on the grassland", 4, "skin", "run", "grass and leaves", W("lion elephant giraffe zebra hippo rhino cheetah buffalo antelope warthog hyena kangaroo camel gazelle wildebeest meerkat")),
        ("sea animal", "in the sea", 0, "smooth skin", "swim", "small fish", W("fish shark whale dolphin octopus seal jellyfish starfish squid eel seahorse walrus stingray crab lobster shrimp clam oyster narwhal manatee")),
        ("insect", "in the grass", 6, "a hard shell", "crawl", "leaves and flowers", W("ant bee butterfly beetle ladybug fly moth grasshopper cricket dragonfly wasp firefly mosquito hornet flea termite bumblebee")),
        ("reptile", "near the water", 4, "scales", "crawl", "bugs and flies", W("frog toad lizard turtle tortoise crocodile alligator newt gecko chameleon iguana salamander")),
    ];

    public static readonly Dictionary<string, string> Sounds = Pairs("""
        cow:moo dog:woof puppy:woof cat:meow kitten:mew duck:quack sheep:baa lamb:baa pig:oink horse:neigh pony:neigh
        hen:cluck rooster:crow owl:hoot lion:roar tiger:roar frog:ribbit mouse:squeak bee:buzz snake:hiss goat:bleat
        donkey:bray goose:honk turkey:gobble crow:caw monkey:chatter wolf:howl bear:growl seal:bark
        """);

    /// <summary>Things that can be carried, by kind: what they are for and what they are made of.</summary>
    public static readonly (string Kind, string Use, string[] Materials, string[] Verbs, string[] Members)[] Things =
    [
        ("toy", "to play with", W("wood plastic rubber cloth"), W("throw bounce roll spin hug show carry"), W("ball kite doll teddy_bear top yo-yo puzzle block robot train truck toy_car boat plane whistle marble puppet balloon jump_rope rocket dinosaur wagon scooter skateboard tricycle rattle pinwheel frisbee")),
        ("kitchen thing", "to cook and eat", W("metal glass clay wood plastic"), W("wash fill dry rinse polish"), W("cup mug plate bowl spoon fork knife pot pan kettle jug glass bottle lid tray ladle whisk teapot napkin straw saucer pitcher sieve grater skillet thermos")),
        ("garment", "to keep warm", W("wool cotton cloth leather"), W("wear fold wash try_on mend"), W("hat cap scarf glove mitten sock shoe boot coat jacket shirt dress skirt sweater belt tie vest apron slipper sandal raincoat helmet bonnet cloak hoodie nightgown sneaker")),
        ("school thing", "to write and draw", W("wood paper plastic"), W("open use look_at share sharpen"), W("pencil pen crayon marker book notebook ruler eraser paintbrush map card letter envelope stamp sticker folder globe magnet calculator diary postcard")),
        ("tool", "to fix and build things", W("metal wood steel"), W("use hold clean test borrow"), W("hammer saw nail screw wrench rope shovel spade rake torch key lock chain needle tape string hoe trowel clamp chisel magnifier compass")),
        ("musical instrument", "to make music", W("wood metal brass"), W("play tune strum clean practice_with"), W("drum flute guitar violin trumpet harp bell horn harmonica tambourine xylophone recorder banjo ukulele cello triangle maraca bugle")),
        ("treasure", "to make a room pretty", W("gold silver glass stone"), W("polish admire keep hide show"), W("shell pebble feather leaf acorn pine_cone coin ring necklace bracelet gem crystal bead ribbon medal button locket brooch trophy badge seashell fossil")),
        ("household thing", "to keep a home nice", W("glass cloth wood metal"), W("use clean move fix dust"), W("lamp candle pillow blanket towel sponge broom clock mirror comb umbrella vase toothbrush brush cushion flowerpot doormat lantern quilt teacup")),
    ];

    /// <summary>Food by kind: what is true of the kind and the words that taste like it.</summary>
    public static readonly (string Kind, string Grows, string[] Tastes, string[] Colors, string[] Members)[] Foods =
    [
        ("fruit", "grow on trees and bushes", W("sweet juicy ripe sour fresh"), W("red green yellow orange purple"), W("apple banana pear plum peach orange lemon lime cherry grape strawberry blueberry raspberry melon mango kiwi apricot fig coconut pineapple papaya nectarine tangerine grapefruit cranberry gooseberry blackberry")),
        ("vegetable", "grow in the garden", W("crunchy fresh green healthy raw"), W("green orange red white purple"), W("carrot potato tomato onion pepper cucumber pumpkin radish turnip beet cabbage bean pea corncob zucchini leek parsnip artichoke sprout squash eggplant")),
        ("baked treat", "are baked in an oven", W("warm soft sweet crumbly yummy"), W("brown golden white"), W("cookie biscuit cake cupcake muffin pie bun roll bagel pancake waffle pretzel cracker donut tart scone croissant brownie pastry flapjack crumpet")),
        ("snack", "are made in a kitchen", W("tasty salty yummy chewy crunchy"), W("brown red white golden"), W("sandwich pizza sausage candy lollipop nut peanut almond walnut olive dumpling taco noodle meatball popsicle chip toffee raisin burger")),
    ];

    public static readonly string[] Rooms = W("kitchen bedroom living_room bathroom attic basement hall garage playroom classroom shed barn tent cabin garden park forest yard field meadow playground orchard greenhouse kitchen_garden nursery workshop studio pantry porch treehouse cellar stable hallway");

    public static readonly string[] Spots = W("beach lake river pond market zoo station school shop bakery farm harbor museum library fair circus pool bridge castle cafe seaside fountain lighthouse windmill campsite airport dock bus_stop");

    /// <summary>What stands about outdoors: things are found under or near them.</summary>
    public static readonly string[] Landmarks = W("""
        tree bush rock hill fence gate wall bench stump log puddle hedge flowerbed path stream bridge pond tower
        statue well haystack shed sandbox slide swing mailbox lamppost signpost
        """);

    public static readonly string[] Vehicles = W("bus car train bike boat ship plane tram taxi van truck tractor scooter ferry");

    public static readonly string[] Jobs = W("""
        doctor nurse baker farmer teacher pilot painter builder cook dentist driver firefighter gardener vet singer
        dancer writer sailor astronaut scientist police_officer mail_carrier librarian zookeeper fisher plumber artist
        """);

    public static readonly string[] Containers = W("box basket bag jar drawer bucket chest cupboard tin crate case sack trunk backpack purse suitcase pouch hamper tub barrel lunchbox");

    public static readonly string[] Colors = W("red blue green yellow orange purple pink brown black white gray golden silver violet turquoise beige crimson");

    public static readonly string[] Looks = W("""
        big small little tiny huge large long short round square flat thin thick heavy old new shiny dusty dirty clean
        soft hard smooth rough wet dry warm cold bright dark pretty lovely funny strange special fancy plain striped
        spotted sparkly fluffy fuzzy bumpy sticky squeaky noisy wooden plastic favorite useful beautiful lucky
        enormous gigantic pointy lumpy floppy frilly dotty glossy dull faded muddy dainty handy hollow narrow wide
        sturdy delicate colorful bouncy teeny shabby glittery wobbly crooked rusty cozy gleaming dazzling precious ordinary
        curly spiky slippery chunky tidy neat grand elegant simple
        """);

    public static readonly string[] Traits = W("""
        kind brave clever shy quiet funny curious friendly gentle busy lazy cheerful careful silly smart polite helpful
        honest patient proud playful grumpy sleepy bossy calm bold wise young little clumsy noisy cheeky tidy messy
        generous thoughtful sensible stubborn adventurous cheerful grateful lively modest nosy timid loyal
        """);

    public static readonly string[] Feelings = W("""
        happy sad glad angry upset scared worried excited surprised tired hungry thirsty lonely proud calm bored cross
        nervous cheerful grumpy sleepy puzzled confused shy pleased thankful sorry jolly hopeful
        delighted amazed anxious frightened cheerful content eager joyful miserable relieved embarrassed grumpy
        """);

    public static readonly string[] AnimalColors = W("brown black white gray golden spotted striped");

    public static readonly string[] AnimalTraits = W("fast slow quiet noisy shy strong clever playful lazy gentle busy curious friendly wild proud");

    /// <summary>Things people like to do, each an intransitive verb phrase.</summary>
    public static readonly string[] Activities = W("""
        swim run jump hop skip dance sing paint draw read write play climb laugh sleep rest cook bake bounce crawl dig
        fish hide hum juggle knit march race ride roll sail sew shout sit skate ski slide spin splash stretch swing
        whistle wiggle wander clap count giggle listen nap relax shop smile walk wave work build camp chat cheer dream
        explore float hike jog leap nod practice pretend rush study surf talk tiptoe twirl wait wash wobble doodle
        gallop glide hurry peek kneel stand drive fly stomp yawn sneeze wink sketch garden clean tidy_up
        cycle scribble snooze somersault skip_rope stroll bowl canoe paddle row hum tumble
        whisper sniff shiver blink frown grin nibble munch sip scamper scurry prance waddle flutter
        snorkel toboggan sunbathe wrestle kayak sledge stargaze
        """);

    public static readonly string[] Adverbs = W("""
        quickly slowly happily quietly loudly carefully gently softly sadly proudly bravely eagerly calmly neatly busily
        cheerfully politely kindly sleepily lazily merrily noisily patiently shyly silently sweetly together again
        brightly boldly clumsily gladly madly nicely roughly safely swiftly tidily warmly wisely
        """);

    public static readonly string[] Times = W("""
        morning afternoon evening night day Monday Tuesday Wednesday Thursday Friday Saturday Sunday spring summer
        autumn winter weekend holiday birthday January February March April May June July
        August September October November December
        """);

    public static readonly string[] Weather = W("sunny rainy windy snowy cloudy foggy warm cold bright stormy chilly");

    public static readonly string[] Numbers = W("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty");

    public static readonly Dictionary<string, string> IrregularPlurals = Pairs("""
        mouse:mice goose:geese sheep:sheep fish:fish deer:deer moose:moose ox:oxen calf:calves wolf:wolves leaf:leaves
        knife:knives scarf:scarves loaf:loaves shelf:shelves potato:potatoes tomato:tomatoes mango:mangoes
        buffalo:buffaloes mosquito:mosquitoes child:children person:people man:men woman:women foot:feet tooth:teeth
        jellyfish:jellyfish starfish:starfish squid:squid elk:elk wildebeest:wildebeest shrimp:shrimp
        """);

    public static readonly Dictionary<string, string> IrregularPasts = Pairs("""
        swim:swam run:ran sing:sang draw:drew read:read write:wrote sleep:slept dig:dug hide:hid ride:rode sit:sat
        slide:slid spin:spun swing:swung build:built dream:dreamed leap:leaped kneel:knelt stand:stood drive:drove
        fly:flew go:went give:gave take:took eat:ate lose:lost find:found put:put have:had see:saw say:said make:made
        get:got come:came hold:held bring:brought keep:kept leave:left tell:told think:thought buy:bought sell:sold
        throw:threw catch:caught feel:felt know:knew win:won fall:fell begin:began drink:drank wear:wore grow:grew
        """);

    private static string[] W(string words) =>
        words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Replace('_', ' ')).ToArray();

    private static Dictionary<string, string> Pairs(string pairs) =>
        W(pairs).Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
