package org.schoolgate.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.schoolgate.directory.domain.Language;

/**
 * The families of the demo trust come from the communities of a large English city: names for
 * children, parents and grandparents, surnames, the language a parent may prefer to read, whether
 * the child speaks another language at home, and the festivals the family may observe.
 */
final class DemoNames {

  private DemoNames() {}

  /** A festival a family may keep their children off school for (code R). */
  enum Observance {
    EID,
    DIWALI,
    JEWISH_HOLY_DAYS,
    NONE
  }

  /** One community: its names, its share of the demo families and its languages. */
  enum Heritage {
    ENGLISH(
        39,
        list("Oliver George Harry Jack Charlie Thomas James William Alfie Freddie Leo Archie Joshua Jacob Noah"
            + " Oscar Henry Theo Max Ethan Lewis Ryan Callum Liam Jamie Daniel Samuel Joseph Dylan Mason Tyler"
            + " Finley Reuben Toby Alexander"),
        list("Olivia Amelia Isla Ava Emily Sophie Grace Lily Freya Ella Evie Poppy Isabella Mia Chloë Jessica Ruby"
            + " Daisy Millie Charlotte Holly Megan Lucy Zoë Phoebe Eleanor Harriet Matilda Esme Imogen Rosie"
            + " Scarlett Noëlle"),
        list("Paul Mark Andrew David Stephen Richard Lee Craig Darren Gary Neil Simon Matthew Christopher Adam"
            + " Jonathan Michael Robert Carl Wayne Dean Jason Ben Tom Steven Anthony"),
        list("Sarah Emma Claire Laura Rebecca Kelly Gemma Nicola Lisa Joanne Victoria Hayley Rachel Amy Stacey"
            + " Katie Leanne Donna Helen Kerry Michelle Louise Charlotte Jennifer Natalie Danielle"),
        list("Keith Brian Trevor Alan Colin Graham Derek Roy Barry Ian Malcolm Kevin"),
        list("Pauline Susan Linda Janet Carol Christine Margaret Sandra Brenda Denise Maureen Jean"),
        list("Smith Taylor Brown Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green"
            + " Hall Wood Jackson Clarke Hughes Edwards Turner Hill Moore Cooper Ward Morris King Harrison Baker"
            + " Holt Hargreaves Ashworth Entwistle Butterworth Barlow Lomax Crompton Kershaw Schofield Sutcliffe"
            + " Booth Bradley Fletcher Riley Marsh Shaw Dawson Holden Duckworth Ramsbottom Greenhalgh Pilling"),
        null, 0, 0, Observance.NONE, 0.10),
    IRISH(
        4,
        list("Seán Patrick Conor Cian Oisín Darragh Ciarán Eoin Declan Fionn"),
        list("Aoife Siobhán Niamh Ciara Saoirse Róisín Caoimhe Orla Sinéad Mairéad"),
        list("Sean Patrick Brendan Kieran Declan Liam Eamon Colm Niall Dermot"),
        list("Siobhan Niamh Aisling Bridget Fiona Orla Mary Grainne Deirdre Roisin"),
        list("Seamus Michael Patrick Gerard"),
        list("Bernadette Kathleen Eileen Philomena"),
        list("Murphy Kelly O'Brien O'Connor Byrne Ryan Walsh Doyle McCarthy Gallagher Kavanagh Quinn Brennan"
            + " O'Neill Fitzgerald Donnelly McGuinness Flanagan"),
        null, 0, 0, Observance.NONE, 0.10),
    POLISH(
        9,
        list("Jakub Antoni Szymon Jan Filip Aleksander Franciszek Mikołaj Wojciech Kacper Stanisław Igor Oliwer"),
        list("Zuzanna Julia Zofia Hanna Maja Lena Alicja Oliwia Natalia Wiktoria Amelia Łucja Gabriela"),
        list("Łukasz Paweł Tomasz Marcin Piotr Krzysztof Michał Grzegorz Marek Rafał Dariusz Przemysław"),
        list("Agnieszka Katarzyna Magdalena Joanna Monika Anna Ewa Dorota Małgorzata Beata Justyna Aleksandra"),
        list("Zbigniew Andrzej Stanisław Jerzy"),
        list("Krystyna Halina Danuta Grażyna"),
        list("Nowak Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski"
            + " Jankowski Mazur Krawczyk Piotrowski Grabowski Pawłowski Michalski Król Wieczorek Jabłoński"
            + " Wróbel Majewski Olszewski Stępień Jaworski Malinowski Górski Sikora Baran Szewczyk Pietrzak"
            + " Zawadzki Sadowski Bąk Chmielewski Włodarczyk Czarnecki Sokołowski Ziółkowski Przybylski"),
        Language.PL, 0.70, 0.95, Observance.NONE, 0.10),
    ROMANIAN(
        7,
        list("Andrei Alexandru Ștefan David Luca Matei Gabriel Darius Ionuț Mihai Rareș"),
        list("Maria Ioana Elena Andreea Alexandra Bianca Daria Sofia Ana Iulia Ilinca"),
        list("Ion Gheorghe Florin Cătălin Marius Adrian Bogdan Cristian Daniel Sorin Vasile Constantin"),
        list("Mihaela Elena Cristina Gabriela Alina Daniela Florentina Ramona Simona Loredana Nicoleta Georgiana"),
        list("Nicolae Petru Dumitru"),
        list("Maria Viorica Aurelia"),
        list("Popescu Ionescu Popa Radu Dumitru Stan Stoica Gheorghe Matei Constantin Rusu Munteanu Marin Lungu"
            + " Ursu Moldovan Șerban Florea Niculescu Dinu Bălan Toma Sandu Ciobanu Tănase"),
        Language.RO, 0.70, 0.95, Observance.NONE, 0.10),
    PAKISTANI(
        11,
        list("Muhammad Ayaan Zayan Ibrahim Yusuf Hamza Ali Rayyan Haris Zain Abdullah Musa Eesa Zakariya Hassan"
            + " Hussain Arham"),
        list("Aisha Maryam Fatima Zara Hafsa Inaya Anaya Khadija Amna Eman Aleena Hania Zoya Mahnoor"),
        list("Imran Asif Tariq Naveed Shahid Kashif Adnan Faisal Waqas Zahid Khalid Sajid Amjad Nadeem"),
        list("Nadia Saima Shazia Rubina Samina Farah Ayesha Sadia Nazia Uzma Bushra Shabana Rizwana Humaira"),
        list("Mohammed Abdul Bashir Rafiq"),
        list("Parveen Razia Nasreen Zubaida"),
        list("Khan Hussain Ahmed Ali Iqbal Akhtar Mahmood Shah Malik Butt Rashid Qureshi Chaudhry Raja Mirza"
            + " Anwar Aslam Rehman Javed Saleem Sheikh Nawaz Riaz"),
        Language.UR, 0.50, 0.80, Observance.EID, 0.30),
    BANGLADESHI(
        3,
        list("Rayhan Tahmid Sami Ishaq Ayaan Zakir"),
        list("Tasnim Nusrat Sumaiya Raisa Anisa Maliha"),
        list("Shahidul Jamal Kamrul Mizanur Abdul Rezaul"),
        list("Rahima Shirin Fahmida Nasima Rokeya Jahanara"),
        list("Abdul Mohammed"),
        list("Rokeya Amena"),
        list("Miah Uddin Rahman Islam Hoque Chowdhury Ahmed Ali"),
        null, 0, 0.85, Observance.EID, 0.30),
    INDIAN(
        5,
        list("Arjun Aarav Vihaan Rohan Dev Krish Veer Harvir Jaiden Kabir"),
        list("Priya Anaya Diya Ishani Saanvi Aanya Kavya Simran Harleen Navya"),
        list("Rajesh Sanjay Amit Vikram Sunil Rakesh Manpreet Gurpreet Harjit Kuldeep"),
        list("Sunita Anjali Pooja Neha Kavita Deepa Harpreet Jaswinder Rupinder Meena"),
        list("Mohan Gurdev Ramesh"),
        list("Kamala Surinder Lata"),
        list("Patel Sharma Singh Gill Sandhu Mistry Gupta Chauhan Kumar Parmar Desai Joshi Dhillon Bains"),
        null, 0, 0.50, Observance.DIWALI, 0.10),
    ARABIC(
        5,
        list("Omar Youssef Adam Ahmad Karim Hamza Zaid Ibrahim Mohammed Khalid Tamim"),
        list("Layla Nour Mariam Salma Jana Hala Rania Lina Yasmin Sara Ghalia"),
        list("Ahmad Mahmoud Bassam Samir Walid Hassan Tarek Nabil Fadi Osama Rami"),
        list("Rasha Dalia Huda Lubna Reem Hanan Samar Noura Manal Ghada Suha"),
        list("Abdulrahman Mustafa"),
        list("Fatma Aziza"),
        list("Al-Masri Hassan Nasser Khalil Saleh Abdallah Mansour Darwish Hamdan Al-Sayed Aziz Othman Suleiman"
            + " Jaber Qasim Al-Rashid Ibrahim Youssef"),
        Language.AR, 0.80, 0.90, Observance.EID, 0.70),
    NIGERIAN(
        5,
        list("Oluwaseun Chukwuemeka Tobi Ayomide Chidi Daniel David Emmanuel Femi Tunde Ifeanyi Joshua"),
        list("Adaeze Chiamaka Temitope Oluwadamilola Ife Blessing Precious Favour Esther Ngozi Folake Zainab"),
        list("Olumide Chinedu Babatunde Emeka Adebayo Oluwaseyi Ikechukwu Segun Kunle Obinna"),
        list("Funmilayo Ngozi Chioma Adaora Yetunde Bukola Nkechi Folasade Titilayo Amaka"),
        list("Olusegun Chukwudi"),
        list("Adebisi Ifeoma"),
        list("Adeyemi Okonkwo Balogun Eze Nwosu Olawale Adebayo Ogunleye Obi Akinola Chukwu Olaniyan Ibekwe"
            + " Oyelaran Adewale"),
        null, 0, 0.20, Observance.NONE, 0.10),
    SOMALI(
        3,
        list("Abdirahman Abdullahi Mohamed Hamza Yusuf Ayub Khalid Liban"),
        list("Hodan Hibo Ayan Fadumo Sagal Nasra Ikran Muna Ilhan"),
        list("Abdi Ahmed Mohamud Hassan Omar Farah Ismail Abdikarim"),
        list("Fadumo Amina Hawa Sahra Khadra Ubah Faiza Halima"),
        list("Abdullahi Osman"),
        list("Maryan Asha"),
        list("Abdi Farah Hassan Warsame Jama Osman Egal Nur Dualeh Yusuf Mohamud Aden"),
        Language.AR, 0.15, 0.90, Observance.EID, 1.0),
    CHINESE(
        2,
        list("Ethan Ryan Jason Wei Hao Jun Yi"),
        list("Mei Xin Yan Ling Jia Chloe Grace"),
        list("Wei Jian Ming Lei Feng Kelvin"),
        list("Li Yan Hui Xiaoling Fang Winnie"),
        list("Kwok Hing"),
        list("Lai Fong"),
        list("Chen Wang Li Zhang Liu Wong Lam Cheung Ng Chan Yeung Huang Zhou"),
        null, 0, 0.70, Observance.NONE, 0.50),
    CARIBBEAN(
        2,
        list("Jaden Malachi Tyrese Kai Isaiah Elijah"),
        list("Aaliyah Nia Jada Shanice Tia Amara"),
        list("Delroy Marlon Winston Leon Andre Clive"),
        list("Marcia Paulette Sharon Jacqueline Yvonne Camille"),
        list("Errol Lloyd"),
        list("Hyacinth Beverley"),
        list("Campbell Williams Francis Grant Reid Henry Bailey Gordon Samuels Stewart Thomas"),
        null, 0, 0, Observance.NONE, 0.10),
    TURKISH(
        2,
        list("Yusuf Emir Kerem Mert Baran Çınar Göktuğ"),
        list("Elif Zeynep Defne Ayşe Eylül Öykü"),
        list("Mehmet Mustafa Hüseyin Murat Serkan Barış Gökhan"),
        list("Ayşe Fatma Emine Hatice Gülşen Şule Özlem"),
        list("İsmail Ömer"),
        list("Şükran Gönül"),
        list("Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Arslan Doğan Kılıç Özdemir"),
        null, 0, 0.80, Observance.EID, 0.20),
    UKRAINIAN(
        2,
        list("Artem Maksym Mykola Dmytro Bohdan Taras"),
        list("Sofiia Anastasiia Daryna Yelyzaveta Solomiia Viktoriia"),
        list("Oleksandr Andrii Serhii Yurii Vasyl Ihor"),
        list("Olena Iryna Tetiana Nataliia Oksana Halyna"),
        list("Petro Volodymyr"),
        list("Liudmyla Nadiia"),
        list("Shevchenko Kovalenko Bondarenko Tkachenko Melnyk Kravchenko Boiko Moroz Lysenko Savchenko"),
        null, 0, 0.95, Observance.NONE, 0.10),
    JEWISH(
        1,
        list("Noah Eli Sam Reuben Isaac Nathan"),
        list("Hannah Talia Maya Abigail Leah Eliana"),
        list("Daniel Jonathan David Adam Benjamin Joel"),
        list("Rachel Rebecca Naomi Deborah Ruth Miriam"),
        list("Harold Bernard"),
        list("Shirley Esther"),
        list("Cohen Levy Goldberg Shapiro Rosenberg Katz Green Freedman"),
        null, 0, 0, Observance.JEWISH_HOLY_DAYS, 0.10);

    final int weight;
    final List<String> boys;
    final List<String> girls;
    final List<String> men;
    final List<String> women;
    final List<String> grandfathers;
    final List<String> grandmothers;
    final List<String> surnames;
    /** The portal language some parents of this community prefer, or null if only English. */
    final Language portalLanguage;
    /** How likely a parent of this community is to choose {@link #portalLanguage}. */
    final double portalLanguageShare;
    /** How likely a child of this community speaks another language at home (EAL). */
    final double ealShare;
    final Observance observance;
    /** How likely a mother keeps a surname of her own rather than the children's surname. */
    final double motherKeepsOwnSurname;

    Heritage(
        int weight,
        List<String> boys,
        List<String> girls,
        List<String> men,
        List<String> women,
        List<String> grandfathers,
        List<String> grandmothers,
        List<String> surnames,
        Language portalLanguage,
        double portalLanguageShare,
        double ealShare,
        Observance observance,
        double motherKeepsOwnSurname) {
      this.weight = weight;
      this.boys = boys;
      this.girls = girls;
      this.men = men;
      this.women = women;
      this.grandfathers = grandfathers;
      this.grandmothers = grandmothers;
      this.surnames = surnames;
      this.portalLanguage = portalLanguage;
      this.portalLanguageShare = portalLanguageShare;
      this.ealShare = ealShare;
      this.observance = observance;
      this.motherKeepsOwnSurname = motherKeepsOwnSurname;
    }

    /** The surname as a woman or girl of this family carries it: Kowalska for Kowalski. */
    String surnameFor(String surname, boolean female) {
      if (this != POLISH || !female) {
        return surname;
      }
      for (String[] ending : new String[][] {{"dzki", "dzka"}, {"cki", "cka"}, {"ski", "ska"}}) {
        if (surname.endsWith(ending[0])) {
          return surname.substring(0, surname.length() - ending[0].length()) + ending[1];
        }
      }
      return surname;
    }
  }

  /** Short names children go by, used as preferred first names for some of them. */
  static String shortName(String legalFirstName) {
    return switch (legalFirstName) {
      case "Alexander" -> "Alex";
      case "Oluwaseun" -> "Seun";
      case "Chukwuemeka" -> "Emeka";
      case "Oluwadamilola" -> "Dami";
      case "Aleksander" -> "Olek";
      case "Abdirahman" -> "Abdi";
      case "Abdullahi" -> "Abdul";
      case "Temitope" -> "Tope";
      case "Thomas" -> "Tom";
      case "Samuel" -> "Sam";
      case "Joshua" -> "Josh";
      case "William" -> "Will";
      case "Isabella" -> "Bella";
      case "Eleanor" -> "Ellie";
      case "Zuzanna" -> "Zuzia";
      case "Yelyzaveta" -> "Liza";
      case "Matilda" -> "Tilly";
      default -> null;
    };
  }

  /** The letters of a name as they can appear in an email address: Łukasz gives lukasz. */
  static String ascii(String name) {
    String folded =
        name.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("İ", "I").replace("ß", "ss");
    folded = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static List<String> list(String names) {
    return List.of(names.trim().split("\\s+"));
  }
}
