"""The schema.org type sets the JSON-LD reader asks about on every page, as constants.

Derived from the bundled vocabulary (release 30.0), so that reading a page does not load the
3,000-term table; ``tests/test_vocabulary.py`` checks each set against the table, so they
cannot drift when the vocabulary is regenerated.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ARTICLE_TYPES",
    "BREADCRUMB_TYPES",
    "CORRECTION_TYPES",
    "KIND_DEPTHS",
    "NEWS_MEDIA_TYPES",
    "ORGANIZATION_TYPES",
    "WEB_PAGE_TYPES",
    "WEB_SITE_TYPES",
]

# fmt: off
ARTICLE_TYPES: Final = frozenset(
    {
        "APIReference", "AdvertiserContentArticle", "AnalysisNewsArticle", "Article",
        "AskPublicNewsArticle", "BackgroundNewsArticle", "BlogPosting",
        "DiscussionForumPosting", "LiveBlogPosting", "MedicalScholarlyArticle",
        "NewsArticle", "OpinionNewsArticle", "Report", "ReportageNewsArticle",
        "ReviewNewsArticle", "SatiricalArticle", "ScholarlyArticle", "SocialMediaPosting",
        "TechArticle",
    }
)
"""Article and its subtypes."""

WEB_PAGE_TYPES: Final = frozenset(
    {
        "AboutPage", "CheckoutPage", "CollectionPage", "ContactPage", "FAQPage",
        "ImageGallery", "ItemPage", "MediaGallery", "MedicalWebPage", "ProfilePage",
        "QAPage", "RealEstateListing", "SearchResultsPage", "VideoGallery", "WebPage",
    }
)
"""WebPage and its subtypes."""

# These three have no subtypes in release 30.0; the test keeps it so.
WEB_SITE_TYPES: Final = frozenset({"WebSite"})
"""WebSite and its subtypes."""

BREADCRUMB_TYPES: Final = frozenset({"BreadcrumbList"})
"""BreadcrumbList and its subtypes."""

CORRECTION_TYPES: Final = frozenset({"CorrectionComment"})
"""CorrectionComment and its subtypes."""

ORGANIZATION_TYPES: Final = frozenset(
    {
        "AccountingService", "AdultEntertainment", "Airline", "AmusementPark",
        "AnimalShelter", "ArchiveOrganization", "ArtGallery", "Attorney", "AutoBodyShop",
        "AutoDealer", "AutoPartsStore", "AutoRental", "AutoRepair", "AutoWash",
        "AutomatedTeller", "AutomotiveBusiness", "Bakery", "BankOrCreditUnion", "BarOrPub",
        "BeautySalon", "BedAndBreakfast", "BikeStore", "BookStore", "BowlingAlley",
        "Brewery", "CafeOrCoffeeShop", "Campground", "Casino", "ChildCare", "ClothingStore",
        "CollegeOrUniversity", "ComedyClub", "ComputerStore", "Consortium",
        "ConvenienceStore", "Cooperative", "Corporation", "CovidTestingFacility",
        "DanceGroup", "DaySpa", "Dentist", "DepartmentStore", "DiagnosticLab", "Distillery",
        "DryCleaningOrLaundry", "EducationalOrganization", "Electrician",
        "ElectronicsStore", "ElementarySchool", "EmergencyService", "EmploymentAgency",
        "EntertainmentBusiness", "ExerciseGym", "FastFoodRestaurant", "FinancialService",
        "FireStation", "Florist", "FoodEstablishment", "FundingAgency", "FundingScheme",
        "FurnitureStore", "GardenStore", "GasStation", "GeneralContractor", "GolfCourse",
        "GovernmentOffice", "GovernmentOrganization", "GroceryStore", "HVACBusiness",
        "HairSalon", "HardwareStore", "HealthAndBeautyBusiness", "HealthClub", "HighSchool",
        "HobbyShop", "HomeAndConstructionBusiness", "HomeGoodsStore", "Hospital", "Hostel",
        "Hotel", "HousePainter", "IceCreamShop", "IndividualPhysician", "InsuranceAgency",
        "InternetCafe", "JewelryStore", "LegalService", "Library", "LibrarySystem",
        "LiquorStore", "LocalBusiness", "Locksmith", "LodgingBusiness", "MedicalBusiness",
        "MedicalClinic", "MedicalOrganization", "MensClothingStore", "MiddleSchool",
        "MobilePhoneStore", "Motel", "MotorcycleDealer", "MotorcycleRepair",
        "MovieRentalStore", "MovieTheater", "MovingCompany", "MusicGroup", "MusicStore",
        "NGO", "NailSalon", "NewsMediaOrganization", "NightClub", "Notary",
        "OfficeEquipmentStore", "OnlineBusiness", "OnlineMarketplace", "OnlineStore",
        "Optician", "Organization", "OutletStore", "PawnShop", "PerformingGroup",
        "PetStore", "Pharmacy", "Physician", "PhysiciansOffice", "Plumber", "PoliceStation",
        "PoliticalParty", "PostOffice", "Preschool", "ProfessionalService", "Project",
        "PublicSwimmingPool", "RadioStation", "RealEstateAgent", "RecyclingCenter",
        "ResearchOrganization", "ResearchProject", "Resort", "Restaurant",
        "RoofingContractor", "School", "SearchRescueOrganization", "SelfStorage",
        "ShoeStore", "ShoppingCenter", "SkiResort", "SportingGoodsStore",
        "SportsActivityLocation", "SportsClub", "SportsOrganization", "SportsTeam",
        "StadiumOrArena", "Store", "TattooParlor", "TelevisionStation", "TennisComplex",
        "TheaterGroup", "TireShop", "TouristInformationCenter", "ToyStore", "TravelAgency",
        "VacationRental", "VeterinaryCare", "WholesaleStore", "Winery", "WorkersUnion",
    }
)
"""Organization and its subtypes."""

NEWS_MEDIA_TYPES: Final = frozenset(
    {
        "NewsMediaOrganization",
    }
)
"""NewsMediaOrganization and its subtypes."""

KIND_DEPTHS: Final = {
    "APIReference": 4,
    "AdvertiserContentArticle": 3,
    "AnalysisNewsArticle": 4,
    "Article": 2,
    "AskPublicNewsArticle": 4,
    "BackgroundNewsArticle": 4,
    "BlogPosting": 4,
    "DiscussionForumPosting": 4,
    "LiveBlogPosting": 5,
    "MedicalScholarlyArticle": 4,
    "NewsArticle": 3,
    "OpinionNewsArticle": 4,
    "Report": 3,
    "ReportageNewsArticle": 4,
    "ReviewNewsArticle": 6,
    "SatiricalArticle": 3,
    "ScholarlyArticle": 3,
    "SocialMediaPosting": 3,
    "TechArticle": 3,
}
"""How many ancestors each article kind's type has: the most specific type named wins."""
# fmt: on
